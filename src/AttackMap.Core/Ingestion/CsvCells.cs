using System.Text;

namespace AttackMap.Ingestion;

/// <summary>
/// Splits the bytes of one CSV row (as found by <see cref="ByteWindow.ScanCsvRow"/>) into its cells: quoted fields
/// with doubled quotes and line breaks, stray characters after a closing quote kept, UTF-8 decoded.
/// </summary>
internal static class CsvCells
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public static void Split(byte[] buffer, int start, int length, List<string> cells)
    {
        cells.Clear();
        var end = start + length;
        var p = start;
        while (true)
        {
            string cell;
            if (p < end && buffer[p] == (byte)'"')
            {
                var open = ++p;
                var doubled = false;
                while (p < end)
                {
                    if (buffer[p] == (byte)'"')
                    {
                        if (p + 1 < end && buffer[p + 1] == (byte)'"')
                        {
                            doubled = true;
                            p += 2;
                            continue;
                        }

                        break;
                    }

                    p++;
                }

                cell = Utf8.GetString(buffer, open, p - open);
                if (doubled)
                {
                    cell = cell.Replace("\"\"", "\"");
                }

                p = Math.Min(p + 1, end);
                var stray = p;
                while (p < end && buffer[p] != (byte)',')
                {
                    p++;
                }

                if (p > stray)
                {
                    cell += Utf8.GetString(buffer, stray, p - stray);
                }
            }
            else
            {
                var open = p;
                while (p < end && buffer[p] != (byte)',')
                {
                    p++;
                }

                cell = p == open ? string.Empty : Utf8.GetString(buffer, open, p - open);
            }

            cells.Add(cell);
            if (p < end)
            {
                p++; // ','
                continue;
            }

            return;
        }
    }
}
