using AttackMap.Coverage;

namespace AttackMap.Export;

/// <summary>Writes a <see cref="CoverageReport"/> in one format (a Navigator layer, Markdown, JSON, ...).</summary>
public interface ICoverageExporter
{
    /// <summary>Gets the format name, for example <c>navigator-layer</c>.</summary>
    string Format { get; }

    /// <summary>Gets the usual file extension, with the dot (for example <c>.json</c>).</summary>
    string FileExtension { get; }

    /// <summary>Writes the report to a stream (UTF-8, no byte order mark). The stream is left open.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">The stream to write to.</param>
    void Write(CoverageReport report, Stream output);

    /// <summary>Writes the report to a stream asynchronously (UTF-8, no byte order mark). The stream is left open.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">The stream to write to.</param>
    /// <param name="cancellationToken">A token to cancel the write.</param>
    /// <returns>A task that completes when the report is written.</returns>
    Task WriteAsync(CoverageReport report, Stream output, CancellationToken cancellationToken = default);
}
