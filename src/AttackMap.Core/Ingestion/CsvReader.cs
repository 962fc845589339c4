using System.Text;

namespace AttackMap.Ingestion;

/// <summary>
/// A small streaming RFC 4180 reader: quoted fields with doubled quotes, line breaks (CR, LF, CRLF, even CR CR LF)
/// inside quoted fields, and any run of CR/LF between rows taken as one row end (blank lines are skipped).
/// </summary>
internal sealed class CsvReader
{
    private readonly TextReader _reader;
    private readonly long _maxRecordChars;
    private readonly StringBuilder _field = new();
    private long _line = 1;
    private int _peeked = -2;

    public CsvReader(TextReader reader, long maxRecordChars)
    {
        _reader = reader;
        _maxRecordChars = maxRecordChars;
    }

    /// <summary>Gets the 1-based line the last row returned by <see cref="TryReadRow"/> started on.</summary>
    public long RowLine { get; private set; }

    /// <summary>Reads the next row; returns false at the end. Throws <see cref="FormatException"/> on a broken row.</summary>
    public bool TryReadRow(List<string> cells)
    {
        cells.Clear();
        int c;

        // Skip row separators (any run of CR/LF).
        while ((c = Peek()) == '\r' || c == '\n')
        {
            Next();
        }

        if (c < 0)
        {
            return false;
        }

        RowLine = _line;
        long chars = 0;
        while (true)
        {
            _field.Clear();
            c = Peek();
            if (c == '"')
            {
                Next();
                while (true)
                {
                    c = Next();
                    if (c < 0)
                    {
                        throw new FormatException($"unterminated quoted field (opened on line {RowLine})");
                    }

                    if (c == '"')
                    {
                        if (Peek() == '"')
                        {
                            Next();
                            _field.Append('"');
                            continue;
                        }

                        break;
                    }

                    _field.Append((char)c);
                    if (++chars > _maxRecordChars)
                    {
                        throw new FormatException($"row is larger than the record limit of {_maxRecordChars} characters");
                    }
                }

                // Tolerate stray characters after the closing quote up to the delimiter.
                while ((c = Peek()) >= 0 && c != ',' && c != '\r' && c != '\n')
                {
                    _field.Append((char)Next());
                }
            }
            else
            {
                while ((c = Peek()) >= 0 && c != ',' && c != '\r' && c != '\n')
                {
                    _field.Append((char)Next());
                    if (++chars > _maxRecordChars)
                    {
                        throw new FormatException($"row is larger than the record limit of {_maxRecordChars} characters");
                    }
                }
            }

            cells.Add(_field.ToString());
            c = Peek();
            if (c == ',')
            {
                Next();
                continue;
            }

            return true;
        }
    }

    private int Peek()
    {
        if (_peeked == -2)
        {
            _peeked = _reader.Read();
        }

        return _peeked;
    }

    private int Next()
    {
        var c = Peek();
        _peeked = -2;
        if (c == '\n')
        {
            _line++;
        }

        return c;
    }
}
