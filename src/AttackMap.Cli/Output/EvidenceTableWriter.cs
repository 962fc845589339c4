namespace AttackMap.Cli.Output;

/// <summary>Writes classified records as an aligned text table for people.</summary>
internal sealed class EvidenceTableWriter
{
    private const int KeyWidth = 60;
    private const string Format = "{0,-44} {1,-18} {2,-60} {3,-10} {4,-18} {5}";
    private readonly TextWriter _output;
    private bool _headerWritten;

    public EvidenceTableWriter(TextWriter output) => _output = output;

    public void Write(ClassifiedRecord record, bool includeUnmapped)
    {
        if (record.IsMapped)
        {
            foreach (var evidence in record.Evidence)
            {
                Row(Location(record), evidence.Family.ToString(), evidence.Signal.MatchKey, evidence.Technique.Id, evidence.Kind.ToString(), evidence.Rule.Id);
            }
        }
        else if (includeUnmapped && !record.IsRejected)
        {
            Row(Location(record), record.Signal?.Family.ToString() ?? "-", record.Signal?.MatchKey ?? record.Record.IgnoredReason ?? string.Empty, "-", "unmapped", "-");
        }
    }

    private static string Location(ClassifiedRecord record) => $"{Path.GetFileName(record.Origin.File)}#{record.Origin.RecordIndex}";

    // Cuts from the middle so the end survives: an operation's verb (".../EXTENSIONS/WRITE") and a file's record index matter most.
    internal static string Clip(string text, int width)
    {
        if (text.Length <= width)
        {
            return text;
        }

        var tail = (width - 1) / 2;
        var head = width - 1 - tail;
        return text.Substring(0, head) + "…" + text.Substring(text.Length - tail);
    }

    private void Row(string location, string family, string key, string technique, string kind, string rule)
    {
        if (!_headerWritten)
        {
            _headerWritten = true;
            _output.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, Format, "RECORD", "FAMILY", "KEY", "TECHNIQUE", "KIND", "RULE"));
        }

        _output.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, Format, Clip(location, 44), family, Clip(key, KeyWidth), technique, kind, rule));
    }
}
