namespace AttackMap.CatalogGenerator;

/// <summary>A tab-separated file with a header row, read into rows keyed by column name.</summary>
public sealed class TsvTable
{
    private TsvTable(string name, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        Name = name;
        Rows = rows;
    }

    /// <summary>Gets the file name.</summary>
    public string Name { get; }

    /// <summary>Gets the data rows.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

    /// <summary>Reads a file.</summary>
    /// <param name="path">The TSV file.</param>
    /// <param name="requiredColumns">Columns that must be present.</param>
    /// <returns>The table.</returns>
    public static TsvTable Read(string path, params string[] requiredColumns)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        if (lines.Length == 0)
        {
            throw new InvalidDataException($"{path} is empty.");
        }

        var columns = lines[0].Split('\t');
        var missing = requiredColumns.Except(columns, StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"{path} lacks the column(s) {string.Join(", ", missing)}.");
        }

        var rows = lines.Skip(1).Select(line =>
        {
            var cells = line.Split('\t');
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Length; i++)
            {
                row[columns[i]] = i < cells.Length ? cells[i].Trim() : string.Empty;
            }

            return (IReadOnlyDictionary<string, string>)row;
        }).ToArray();
        return new TsvTable(Path.GetFileName(path), rows);
    }

    /// <summary>Splits a comma-separated cell into its non-empty parts.</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>The parts, in order.</returns>
    public static string[] SplitList(string cell) =>
        cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
