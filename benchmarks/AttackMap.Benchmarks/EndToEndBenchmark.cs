using System.Text;
using System.Text.Json;
using AttackMap.Attack;
using AttackMap.Ingestion;
using AttackMap.Mapping;
using AttackMap.Signals;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.VisualBasic.FileIO;

namespace AttackMap.Benchmarks;

/// <summary>
/// End to end from bytes in memory: parse and classify 20,000 records, against two references over the same bytes in the
/// same run: a raw scan that only tokenizes (the ceiling for any parser) and the naive code people write (JsonDocument per
/// line, or TextFieldParser for CSV, plus a dictionary lookup). Mean reads per record; throughput in MB/s is
/// bytes per record / Mean (the setup prints bytes per record).
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EndToEndBenchmark
{
    private const int Records = 20_000;
    private readonly List<Evidence> _output = new(16);
    private readonly LogReader _reader = new();
    private RuleRegistry _registry = RuleRegistry.Empty;
    private NaiveLookup _naive = null!;
    private byte[] _jsonLines = Array.Empty<byte>();
    private byte[] _csv = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        _registry = new RuleRegistryBuilder().AddBuiltInPack().Build(AttackCatalog.Default);
        _naive = new NaiveLookup(_registry);
        _jsonLines = SyntheticLogs.JsonLines(Records);
        _csv = SyntheticLogs.SentinelCsv(Records);
        Console.WriteLine($"// JSON Lines: {_jsonLines.Length:N0} bytes ({_jsonLines.Length / Records} per record); library evidence {JsonLinesLibrary()}, naive hits {JsonLinesNaiveJsonDocument()}, tokens {JsonLinesRawTokenScan()}");
        Console.WriteLine($"// Sentinel CSV: {_csv.Length:N0} bytes ({_csv.Length / Records} per record); library evidence {CsvLibrary()}, naive hits {CsvNaiveTextFieldParser()}, fields {CsvRawScan()}");
    }

    /// <summary>The library: LogReader (shape detection, typed signals) then RuleRegistry.Classify into a reused list.</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    [BenchmarkCategory("JsonLines")]
    public int JsonLinesLibrary() => Classify(_jsonLines);

    /// <summary>Reference (a): a raw Utf8JsonReader pass over every token of the same bytes, no values materialized.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Records)]
    [BenchmarkCategory("JsonLines")]
    public long JsonLinesRawTokenScan()
    {
        var reader = new Utf8JsonReader(_jsonLines, new JsonReaderOptions { AllowMultipleValues = true });
        long tokens = 0;
        while (reader.Read())
        {
            tokens += reader.ValueSpan.Length > 0 ? 1 : 0;
        }

        return tokens;
    }

    /// <summary>Reference (b): what a script does: read lines as strings, JsonDocument.Parse each, pick the key by category, look it up.</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    [BenchmarkCategory("JsonLines")]
    public int JsonLinesNaiveJsonDocument()
    {
        var hits = 0;
        using var text = new StreamReader(new MemoryStream(_jsonLines), Encoding.UTF8);
        while (text.ReadLine() is { } line)
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var properties = root.TryGetProperty("properties", out var p) ? p : default;
            var category = root.TryGetProperty("category", out var c) ? c.GetString() : null;
            hits += category switch
            {
                "SignInLogs" => _naive.Lookup(LogFamily.EntraSignIn, root.GetProperty("resultType").GetString()),
                "AuditLogs" => _naive.Lookup(LogFamily.EntraAudit, properties.GetProperty("activityDisplayName").GetString()),
                "Administrative" => _naive.Lookup(LogFamily.AzureActivity, root.GetProperty("operationName").GetString()),
                "UserRiskEvents" => _naive.Lookup(LogFamily.EntraRiskDetection, properties.GetProperty("riskEventType").GetString()),
                _ => _naive.Lookup(LogFamily.DefenderForCloud, properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("alertType", out var a) ? a.GetString() : null),
            };
        }

        return hits;
    }

    /// <summary>The library on a Sentinel CSV export (union of SigninLogs, AzureActivity, AuditLogs rows).</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    [BenchmarkCategory("SentinelCsv")]
    public int CsvLibrary() => Classify(_csv);

    /// <summary>Reference (a) for CSV: a quote-aware byte scan that finds every field and row boundary, nothing materialized.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Records)]
    [BenchmarkCategory("SentinelCsv")]
    public long CsvRawScan()
    {
        ReadOnlySpan<byte> span = _csv;
        long fields = 0;
        var quoted = false;
        var i = 0;
        while (i < span.Length)
        {
            var next = quoted ? span[i..].IndexOf((byte)'"') : span[i..].IndexOfAny((byte)',', (byte)'\n', (byte)'"');
            if (next < 0)
            {
                break;
            }

            i += next;
            var b = span[i];
            if (b == '"')
            {
                quoted = !quoted;
            }
            else
            {
                fields++;
            }

            i++;
        }

        return fields;
    }

    /// <summary>Reference (b) for CSV: Microsoft.VisualBasic TextFieldParser rows as string arrays, key column by table, dictionary lookup.</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    [BenchmarkCategory("SentinelCsv")]
    public int CsvNaiveTextFieldParser()
    {
        using var parser = new TextFieldParser(new MemoryStream(_csv), Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        int type = Array.IndexOf(header, "Type"), result = Array.IndexOf(header, "ResultType"), operation = Array.IndexOf(header, "OperationNameValue"), activity = Array.IndexOf(header, "ActivityDisplayName");
        var hits = 0;
        while (parser.ReadFields() is { } row)
        {
            hits += row[type] switch
            {
                "SigninLogs" => _naive.Lookup(LogFamily.EntraSignIn, row[result]),
                "AzureActivity" => _naive.Lookup(LogFamily.AzureActivity, row[operation]),
                _ => _naive.Lookup(LogFamily.EntraAudit, row[activity]),
            };
        }

        return hits;
    }

    private int Classify(byte[] bytes)
    {
        var evidence = 0;
        var output = _output;
        using var stream = new MemoryStream(bytes, writable: false);
        foreach (var record in _reader.Read(stream, "bench"))
        {
            if (record.Signal is { } signal)
            {
                output.Clear();
                evidence += _registry.Classify(signal, output);
            }
        }

        return evidence;
    }
}
