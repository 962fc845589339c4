using System.Text;

namespace AttackMap.Export;

/// <summary>Writes RFC 4180 CSV rows: fields quoted when they hold a comma, quote, CR or LF; quotes doubled; <c>\n</c> line ends.</summary>
internal sealed class CsvWriter
{
    private readonly StringBuilder _text = new();

    public void WriteRow(params string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _text.Append(',');
            }

            Append(fields[i] ?? string.Empty);
        }

        _text.Append('\n');
    }

    public void WriteTo(Stream output)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        var bytes = new UTF8Encoding(false).GetBytes(_text.ToString());
        output.Write(bytes, 0, bytes.Length);
        output.Flush();
    }

    private void Append(string field)
    {
        if (field.IndexOfAny(Special) < 0)
        {
            _text.Append(field);
            return;
        }

        _text.Append('"').Append(field.Replace("\"", "\"\"")).Append('"');
    }

    private static readonly char[] Special = { ',', '"', '\r', '\n' };
}
