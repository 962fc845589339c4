using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using AttackMap.Correlation;

namespace AttackMap.Cli.Output;

/// <summary>Writes correlated findings as JSON Lines, one finding per line with every contributing record.</summary>
internal static class FindingJsonLinesWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(IEnumerable<Finding> findings, Stream output)
    {
        using var buffer = new MemoryStream();
        using var writer = new Utf8JsonWriter(buffer, Options);
        foreach (var finding in findings)
        {
            writer.Reset(buffer);
            WriteFinding(writer, finding);
            writer.Flush();
            buffer.WriteByte((byte)'\n');
            buffer.Position = 0;
            buffer.CopyTo(output);
            buffer.SetLength(0);
        }

        output.Flush();
    }

    private static void WriteFinding(Utf8JsonWriter writer, Finding finding)
    {
        writer.WriteStartObject();
        writer.WriteString("id", finding.Id);
        writer.WriteString("rule", finding.RuleId);
        writer.WriteStartArray("techniques");
        foreach (var technique in finding.Techniques)
        {
            writer.WriteStringValue(technique.Id);
        }

        writer.WriteEndArray();
        WriteStrings(writer, "tactics", finding.Tactics);
        writer.WriteString("kind", finding.Kind.ToString());
        writer.WriteString("rationale", finding.Rationale);
        writer.WriteString("groupBy", finding.GroupBy.ToString());
        writer.WriteString("key", finding.Key);
        writer.WriteString("first", Time(finding.First));
        writer.WriteString("last", Time(finding.Last));
        WriteStrings(writer, "families", finding.DependsOnFamilies.Select(f => f.ToString()).ToArray());
        WriteStrings(writer, "tables", finding.Tables);
        writer.WriteStartArray("records");
        foreach (var record in finding.Records)
        {
            writer.WriteStartObject();
            writer.WriteString("file", record.Origin.File);
            writer.WriteNumber("index", record.Origin.RecordIndex);
            writer.WriteString("family", record.Family.ToString());
            writer.WriteString("table", record.Table);
            writer.WriteString("time", Time(record.Time));
            writer.WriteString("key", record.MatchKey);
            writer.WriteString("step", record.Step);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (finding.TruncatedRecordCount > 0)
        {
            writer.WriteNumber("truncatedRecords", finding.TruncatedRecordCount);
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
