using System.Text.Json;

namespace AttackMap.Ingestion;

/// <summary>
/// A record view over one CSV row. Header names are matched case-insensitively with the <c> [UTC]</c> suffix
/// stripped; an empty cell falls back to its <c>_dynamic</c>, <c>_string</c> or <c>_d</c> twin column.
/// </summary>
internal sealed class CsvRecordView : RecordView
{
    private static readonly string[] TwinSuffixes = { "_dynamic", "_string", "_d" };
    private readonly CsvHeader _header;
    private readonly IReadOnlyList<string> _cells;

    public CsvRecordView(CsvHeader header, IReadOnlyList<string> cells)
    {
        _header = header;
        _cells = cells;
        Style = RecordStyle.LogAnalytics;
    }

    public override IEnumerable<string> Names => _header.Names;

    public override bool Has(string name) => _header.IndexOf(name) >= 0 || Twin(name) is not null;

    public override string? Text(string name)
    {
        var text = Cell(name);
        if (text is not null)
        {
            return text;
        }

        return Twin(name);
    }

    public override string? JsonText(string name) => Text(name);

    public override bool TryJson(string name, out JsonElement value) => TryParseJsonText(Text(name), out value);

    private string? Cell(string name)
    {
        var index = _header.IndexOf(name);
        if (index < 0 || index >= _cells.Count)
        {
            return null;
        }

        var text = _cells[index];
        return text.Length == 0 ? null : text;
    }

    private string? Twin(string name)
    {
        foreach (var suffix in TwinSuffixes)
        {
            var text = Cell(name + suffix);
            if (text is not null)
            {
                return text;
            }
        }

        return null;
    }
}
