using System.Runtime.CompilerServices;
using System.Text;
using AttackMap.Attack;
using AttackMap.Correlation;
using AttackMap.Coverage;
using AttackMap.Export;
using AttackMap.Ingestion;
using AttackMap.Mapping;
using AttackMap.Internal;
using AttackMap.Signals;

namespace AttackMap;

/// <summary>
/// The whole job behind one object: read Azure logs, classify every record against the rule registry, and
/// compute ATT&amp;CK coverage with its exports. Immutable and thread-safe. Built by <see cref="AttackMapBuilder"/>,
/// or with the embedded defaults (ATT&amp;CK v19.2, the built-in Azure pack) by the parameterless constructor,
/// which is the easy way in from PowerShell: <c>[AttackMap.AttackMapEngine]::new()</c>.
/// </summary>
public sealed class AttackMapEngine
{
    private readonly CoverageCalculator _coverage;

    /// <summary>Creates an engine with the embedded defaults: ATT&amp;CK v19.2, the built-in Azure rule pack and correlations, lenient reading.</summary>
    /// <remarks>The same as <c>new AttackMapBuilder().Build()</c>.</remarks>
    public AttackMapEngine()
        : this(new AttackMapBuilder().Build())
    {
    }

    private AttackMapEngine(AttackMapEngine built)
        : this(built.Catalog, built.Rules, built.Reader, built._coverage, built.Correlator, built.CoverageDetections)
    {
    }

    internal AttackMapEngine(AttackCatalog catalog, RuleRegistry rules, LogReader reader, CoverageCalculator coverage, CorrelationEngine correlator, IReadOnlyList<MappingRule> coverageDetections)
    {
        CoverageDetections = coverageDetections;
        Catalog = catalog;
        Rules = rules;
        Reader = reader;
        _coverage = coverage;
        Correlator = correlator;
    }

    /// <summary>Gets the ATT&amp;CK catalog the rules were validated against.</summary>
    public AttackCatalog Catalog { get; }

    /// <summary>Gets the rule registry.</summary>
    public RuleRegistry Rules { get; }

    /// <summary>Gets the log reader.</summary>
    public LogReader Reader { get; }

    /// <summary>Gets the correlation engine (the built-in correlations plus any added).</summary>
    public CorrelationEngine Correlator { get; }

    /// <summary>
    /// Gets the detections that count toward coverage but do not classify records (such as imported Microsoft Sentinel
    /// analytics rules), added with <see cref="AttackMapBuilder.AddCoverageDetections(IEnumerable{MappingRule})"/>; empty when none
    /// were added. <see cref="CalculateCoverage"/> counts them besides <see cref="Rules"/>. Read-only.
    /// </summary>
    public IReadOnlyList<MappingRule> CoverageDetections { get; }

    /// <summary>Classifies one signal.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The evidence; empty when no rule maps the signal.</returns>
    public IReadOnlyList<Evidence> Classify(Signal signal) => Rules.Classify(signal);

    /// <summary>Reads and classifies files and folders (folders recursively, in ordinal order), streaming record by record.</summary>
    /// <param name="filesOrFolders">The files and folders.</param>
    /// <param name="summary">Totals to fill while streaming, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>One classified record per record read.</returns>
    public IEnumerable<ClassifiedRecord> ClassifyFiles(IEnumerable<string> filesOrFolders, ClassificationSummary? summary = null, CancellationToken cancellationToken = default) =>
        ClassifyRecords(Reader.ReadAll(filesOrFolders ?? throw new ArgumentNullException(nameof(filesOrFolders)), cancellationToken), summary);

    /// <summary>Reads and classifies one file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>One classified record per record read.</returns>
    public IReadOnlyList<ClassifiedRecord> ClassifyFile(string path) =>
        ClassifyRecords(Reader.Read(path ?? throw new ArgumentNullException(nameof(path))), null).ToArray();

    /// <summary>Reads and classifies a stream of any supported shape.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="sourceName">The name to report as the record's file.</param>
    /// <param name="summary">Totals to fill while streaming, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>One classified record per record read.</returns>
    public IEnumerable<ClassifiedRecord> ClassifyStream(Stream stream, string sourceName, ClassificationSummary? summary = null, CancellationToken cancellationToken = default) =>
        ClassifyRecords(Reader.Read(stream ?? throw new ArgumentNullException(nameof(stream)), sourceName, cancellationToken), summary);

    /// <summary>Reads and classifies files and folders asynchronously.</summary>
    /// <param name="filesOrFolders">The files and folders.</param>
    /// <param name="summary">Totals to fill while streaming, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>One classified record per record read.</returns>
    public async IAsyncEnumerable<ClassifiedRecord> ClassifyFilesAsync(
        IEnumerable<string> filesOrFolders,
        ClassificationSummary? summary = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in Reader.ReadAllAsync(filesOrFolders ?? throw new ArgumentNullException(nameof(filesOrFolders)), cancellationToken).ConfigureAwait(false))
        {
            yield return Classify(record, summary);
        }
    }

    /// <summary>
    /// Classifies log records given as JSON text (one record, a JSON Lines block, or any supported JSON envelope).
    /// Handy from PowerShell: <c>$engine.ClassifyJson($json)</c>.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The name to report as the records' file.</param>
    /// <returns>One classified record per record read.</returns>
    public IReadOnlyList<ClassifiedRecord> ClassifyJson(string json, string sourceName = "inline")
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))));
        return ClassifyStream(stream, sourceName).ToArray();
    }

    /// <summary>
    /// Correlates signals into findings. The signals must come in time order, give or take the correlator's allowed
    /// lateness; <see cref="CorrelateFiles"/> sorts files for you.
    /// </summary>
    /// <param name="signals">The signals, in time order.</param>
    /// <returns>The findings, in a deterministic order, as their windows close.</returns>
    public IEnumerable<Finding> Correlate(IEnumerable<Signal> signals) => Correlator.Correlate(signals);

    /// <summary>
    /// Reads files and folders and correlates their signals. Records of different files interleave in time, so the
    /// signals are collected and sorted by time (then file and record index) before correlating; memory grows with the
    /// number of signals. For unbounded streams, push time-ordered signals through <see cref="Correlate"/> or a
    /// <see cref="CorrelationSession"/> instead.
    /// </summary>
    /// <param name="filesOrFolders">The files and folders.</param>
    /// <param name="summary">Record accounting to fill, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The findings.</returns>
    public IReadOnlyList<Finding> CorrelateFiles(IEnumerable<string> filesOrFolders, ClassificationSummary? summary = null, CancellationToken cancellationToken = default)
    {
        var signals = new List<Signal>();
        foreach (var record in ClassifyFiles(filesOrFolders, summary, cancellationToken))
        {
            if (record.Signal is { } signal)
            {
                signals.Add(signal);
            }
        }

        signals.Sort(SignalTimeOrder.Instance);
        return Correlator.Correlate(signals).ToArray();
    }

    /// <summary>
    /// Calculates ATT&amp;CK coverage over the enabled log sources of the registry's rules, the engine's
    /// <see cref="CoverageDetections"/>, and optionally further detections for this call only; detections do not classify
    /// records here, such as imported Microsoft Sentinel analytics rules (AttackMap.Sentinel's
    /// <c>SentinelCoverageRules.ToMappingRules</c>).
    /// </summary>
    /// <param name="sources">The enabled log sources; <see langword="null"/> means all five families.</param>
    /// <param name="observed">Evidence seen in real logs, to annotate the report; optional.</param>
    /// <param name="additionalDetections">
    /// Detections to count in this call besides the registry's rules and <see cref="CoverageDetections"/>; optional.
    /// Their ids are not checked against the others.
    /// </param>
    /// <returns>The coverage report.</returns>
    public CoverageReport CalculateCoverage(LogSourceInventory? sources = null, IEnumerable<Evidence>? observed = null, IEnumerable<MappingRule>? additionalDetections = null)
    {
        IEnumerable<MappingRule> rules = Rules.Rules;
        if (CoverageDetections.Count > 0)
        {
            rules = rules.Concat(CoverageDetections);
        }

        if (additionalDetections is not null)
        {
            rules = rules.Concat(additionalDetections);
        }

        return _coverage.Calculate(Catalog, rules, sources ?? LogSourceInventory.AllEnabled, observed);
    }

    /// <summary>Renders a coverage report as an ATT&amp;CK Navigator layer (format 4.5).</summary>
    /// <param name="report">The report.</param>
    /// <returns>The layer JSON.</returns>
    public string ToNavigatorLayer(CoverageReport report) => new NavigatorLayerExporter().ToJson(report);

    /// <summary>Renders a coverage report as Markdown.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdownReport(CoverageReport report) => new MarkdownCoverageReportExporter().ToMarkdown(report);

    /// <summary>Renders a coverage report as JSON.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text.</returns>
    public string ToJsonReport(CoverageReport report) => new JsonCoverageReportExporter().ToJson(report);

    private IEnumerable<ClassifiedRecord> ClassifyRecords(IEnumerable<LogRecord> records, ClassificationSummary? summary)
    {
        foreach (var record in records)
        {
            yield return Classify(record, summary);
        }
    }

    private ClassifiedRecord Classify(LogRecord record, ClassificationSummary? summary)
    {
        var evidence = record.Signal is { } signal ? Rules.Classify(signal) : Array.Empty<Evidence>();
        var classified = new ClassifiedRecord(record, evidence);
        summary?.Add(classified);
        return classified;
    }
}
