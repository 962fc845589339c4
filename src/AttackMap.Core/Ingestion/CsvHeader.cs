namespace AttackMap.Ingestion;

/// <summary>The header row of a CSV export: names normalized (trimmed, <c> [UTC]</c> suffix removed), looked up case-insensitively.</summary>
internal sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    public CsvHeader(IReadOnlyList<string> cells)
    {
        var names = new List<string>(cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            var name = Normalize(cells[i]);
            names.Add(name);
            if (name.Length > 0 && !_index.ContainsKey(name))
            {
                _index[name] = i;
            }
        }

        Names = names;
    }

    public IReadOnlyList<string> Names { get; }

    public int IndexOf(string name) => _index.TryGetValue(name, out var index) ? index : -1;

    public bool Contains(string name) => _index.ContainsKey(name);

    private static string Normalize(string name)
    {
        var trimmed = name.Trim();
        const string utc = "[UTC]";
        if (trimmed.EndsWith(utc, StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed.Substring(0, trimmed.Length - utc.Length).TrimEnd();
        }

        return trimmed;
    }
}
