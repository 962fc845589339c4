using System.Globalization;
using System.Text.Json;
using AttackMap.Mapping;

namespace AttackMap.Cli.Output;

/// <summary>Prints the record accounting of a run (stderr text, and optionally a JSON file for scripts and CI).</summary>
internal static class SummaryWriter
{
    private const int MaxRejectionsListed = 50;

    public static void WriteText(ClassificationSummary summary, TextWriter output, string command)
    {
        var ingestion = summary.Ingestion;
        output.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "attackmap {0}: {1}, read {2}: mapped {3}, unmapped {4} ({5} outside the five families), rejected {6}; evidence {7} ({8} direct, {9} correlation context, {10} precondition, {11} needs review)",
            command,
            Count(ingestion.Files.Count, "file"),
            Count(summary.RecordsRead, "record"),
            summary.Mapped,
            summary.Unmapped,
            summary.Ignored,
            summary.Rejected,
            summary.EvidenceCount,
            summary.GetEvidenceCount(EvidenceKind.DirectDetection),
            summary.GetEvidenceCount(EvidenceKind.CorrelationContext),
            summary.GetEvidenceCount(EvidenceKind.Precondition),
            summary.GetEvidenceCount(EvidenceKind.NeedsReview)));

        var rejections = ingestion.Rejections;
        for (var i = 0; i < rejections.Count && i < MaxRejectionsListed; i++)
        {
            output.WriteLine($"  rejected {rejections[i]}");
        }

        if (rejections.Count > MaxRejectionsListed)
        {
            output.WriteLine($"  ... and {rejections.Count - MaxRejectionsListed} more rejections (see --summary-json)");
        }

        foreach (var file in ingestion.Files)
        {
            if (file.NextLink is { } link)
            {
                output.WriteLine($"  WARNING: {file.File}: the page has a next link (@odata.nextLink / nextLink): more records exist on the server; fetch the next pages and pass them as files. Next: {link}");
            }
        }

        if (!summary.IsReconciled)
        {
            output.WriteLine("  WARNING: the counts do not reconcile; please report this as a bug.");
        }
    }

    public static void WriteJson(ClassificationSummary summary, string path)
    {
        using var stream = OutputFile.Create("--summary-json", path, "summary");
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteNumber("files", summary.Ingestion.Files.Count);
        writer.WriteNumber("read", summary.RecordsRead);
        writer.WriteNumber("mapped", summary.Mapped);
        writer.WriteNumber("unmapped", summary.Unmapped);
        writer.WriteNumber("ignored", summary.Ignored);
        writer.WriteNumber("rejected", summary.Rejected);
        writer.WriteNumber("evidence", summary.EvidenceCount);
        writer.WriteBoolean("reconciled", summary.IsReconciled);
        writer.WriteStartArray("perFile");
        foreach (var file in summary.Ingestion.Files)
        {
            writer.WriteStartObject();
            writer.WriteString("file", file.File);
            writer.WriteNumber("read", file.RecordsRead);
            writer.WriteNumber("signals", file.Signals);
            writer.WriteNumber("ignored", file.Ignored);
            writer.WriteNumber("rejected", file.Rejected);
            if (file.NextLink is { } link)
            {
                writer.WriteString("nextLink", link);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rejections");
        foreach (var rejection in summary.Ingestion.Rejections)
        {
            writer.WriteStartObject();
            writer.WriteString("file", rejection.Origin.File);
            writer.WriteNumber("index", rejection.Origin.RecordIndex);
            if (rejection.Origin.Line is { } line)
            {
                writer.WriteNumber("line", line);
            }

            if (rejection.Origin.ByteOffset is { } offset)
            {
                writer.WriteNumber("byteOffset", offset);
            }

            writer.WriteString("kind", rejection.Kind.ToString());
            writer.WriteString("reason", rejection.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("unmappedKeys");
        foreach (var key in summary.UnmappedKeys)
        {
            writer.WriteStartObject();
            writer.WriteString("family", key.Family.ToString());
            writer.WriteString("key", key.Key);
            writer.WriteNumber("count", key.Count);
            writer.WriteString("example", key.Example.ToString());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string Count(long count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
