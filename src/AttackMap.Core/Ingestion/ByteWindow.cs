namespace AttackMap.Ingestion;

/// <summary>
/// A sliding, growable window over a stream that finds the byte range of one JSON value or one line at a time,
/// tracking the absolute byte offset and the 1-based line. Memory stays bounded by the largest record.
/// </summary>
internal sealed class ByteWindow
{
    private readonly Stream _stream;
    private readonly int _maxRecordBytes;
    private byte[] _buffer;
    private int _pos;
    private int _end;
    private bool _eof;
    private long _base;
    private int _lastShift;

    public int MaxRecordBytes => _maxRecordBytes;

    public ByteWindow(Stream stream, int maxRecordBytes)
    {
        _stream = stream;
        _maxRecordBytes = maxRecordBytes;
        _buffer = new byte[Math.Min(64 * 1024, Math.Max(1024, maxRecordBytes + 1))];
    }

    /// <summary>Gets the absolute byte offset of the current position.</summary>
    public long Offset => _base + _pos;

    /// <summary>Gets the 1-based line of the current position.</summary>
    public long Line { get; private set; } = 1;

    /// <summary>Gets the buffer the last scanned range lives in (valid until the next call).</summary>
    public byte[] Buffer => _buffer;

    /// <summary>Skips whitespace, a UTF-8 BOM, and (when <paramref name="commas"/>) commas; returns the next byte or -1 at the end.</summary>
    public int SkipWhitespace(bool commas = false)
    {
        while (true)
        {
            if (_pos == _end && !Fill(_pos))
            {
                return -1;
            }

            var b = _buffer[_pos];
            if (b == (byte)'\n')
            {
                Line++;
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or 0xEF or 0xBB or 0xBF) && !(commas && b == (byte)','))
            {
                return b;
            }

            _pos++;
        }
    }

    /// <summary>Gets or sets a value indicating whether bytes from the start of the stream are kept so that <see cref="Rewind"/> can go back.</summary>
    public bool Pinned { get; set; }

    /// <summary>Goes back to an earlier absolute <paramref name="offset"/> while <see cref="Pinned"/> has kept the bytes.</summary>
    public bool Rewind(long offset, long line)
    {
        if (_base != 0 || offset > _end)
        {
            return false;
        }

        _pos = (int)offset;
        Line = line;
        return true;
    }

    /// <summary>Consumes one byte.</summary>
    public void Skip() => _pos++;

    /// <summary>
    /// Finds the end of the JSON value starting at the current position (brackets and strings balanced, content not
    /// validated). Returns Complete with the range in <see cref="Buffer"/>, TooLarge (value consumed and dropped) or Truncated.
    /// </summary>
    public ScanResult ScanValue(out int start, out int length)
    {
        var mark = _pos;
        var i = _pos;
        var depth = 0;
        var inString = false;
        var escape = false;
        var tooLarge = false;
        var first = true;
        while (true)
        {
            if (i == _end)
            {
                if (!tooLarge && _end - mark >= _maxRecordBytes)
                {
                    tooLarge = true;
                }

                var more = Fill(tooLarge ? i : mark);
                mark -= _lastShift;
                i -= _lastShift;
                if (tooLarge)
                {
                    mark = i;
                }

                if (!more)
                {
                    _pos = i;
                    if (!tooLarge && depth == 0 && !inString && !first)
                    {
                        start = mark;
                        length = i - mark;
                        return ScanResult.Complete;
                    }

                    start = length = 0;
                    return tooLarge ? ScanResult.TooLarge : ScanResult.Truncated;
                }
            }

            var b = _buffer[i];
            if (inString)
            {
                if (escape)
                {
                    escape = false;
                }
                else if (b == (byte)'\\')
                {
                    escape = true;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                    if (depth == 0)
                    {
                        i++;
                        break;
                    }
                }
            }
            else if (b == (byte)'"')
            {
                inString = true;
            }
            else if (b is (byte)'{' or (byte)'[')
            {
                depth++;
            }
            else if (b is (byte)'}' or (byte)']')
            {
                if (depth == 0)
                {
                    break; // end of a scalar inside a container
                }

                depth--;
                if (depth == 0)
                {
                    i++;
                    break;
                }
            }
            else if (depth == 0 && !first && (b is (byte)',' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                break;
            }

            if (b == (byte)'\n')
            {
                Line++;
            }

            first = false;
            i++;
        }

        _pos = i;
        if (tooLarge)
        {
            start = length = 0;
            return ScanResult.TooLarge;
        }

        start = mark;
        length = i - mark;
        return ScanResult.Complete;
    }

    /// <summary>Finds the next line (without its line break). Returns Complete, TooLarge (line dropped) or Truncated at the end.</summary>
    public ScanResult ScanLine(out int start, out int length)
    {
        var mark = _pos;
        var i = _pos;
        var tooLarge = false;
        while (true)
        {
            if (i == _end)
            {
                if (!tooLarge && _end - mark >= _maxRecordBytes)
                {
                    tooLarge = true;
                }

                var more = Fill(tooLarge ? i : mark);
                mark -= _lastShift;
                i -= _lastShift;
                if (tooLarge)
                {
                    mark = i;
                }

                if (!more)
                {
                    _pos = i;
                    start = tooLarge ? 0 : mark;
                    length = tooLarge ? 0 : i - mark;
                    return tooLarge ? ScanResult.TooLarge : length == 0 ? ScanResult.Truncated : ScanResult.Complete;
                }
            }

            var newline = System.Array.IndexOf(_buffer, (byte)'\n', i, _end - i);
            if (newline >= 0)
            {
                i = newline;
                break;
            }

            i = _end;
        }

        _pos = i + 1;
        Line++;
        if (tooLarge)
        {
            start = length = 0;
            return ScanResult.TooLarge;
        }

        start = mark;
        length = i - mark;
        return ScanResult.Complete;
    }

    /// <summary>Reads a JSON string key at the current position (simple unescaping), or null when the next value is not a string.</summary>
    public string? ReadKey()
    {
        if (ScanValue(out var start, out var length) != ScanResult.Complete || length < 2 || _buffer[start] != (byte)'"')
        {
            return null;
        }

        return System.Text.Encoding.UTF8.GetString(_buffer, start + 1, length - 2).Replace("\\/", "/");
    }

    // Moves [keep, _end) to the front, grows the buffer when full, and reads more. Returns false at the end of the stream.
    private bool Fill(int keep)
    {
        _lastShift = 0;
        if (_eof)
        {
            return false;
        }

        if (Pinned)
        {
            keep = 0;
        }

        if (keep > 0)
        {
            System.Buffer.BlockCopy(_buffer, keep, _buffer, 0, _end - keep);
            _base += keep;
            _end -= keep;
            _pos = Math.Max(0, _pos - keep);
            _lastShift = keep;
        }

        if (_end == _buffer.Length)
        {
            System.Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read <= 0)
        {
            _eof = true;
            return false;
        }

        _end += read;
        return true;
    }
}
