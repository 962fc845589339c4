namespace AttackMap.Ingestion;

/// <summary>Finding the end of one JSON value.</summary>
internal sealed partial class ByteWindow
{
    /// <summary>
    /// Finds the end of the JSON value starting at the current position (brackets and strings balanced, content not
    /// validated). Returns Complete with the range in <see cref="Buffer"/>, TooLarge (value consumed and dropped),
    /// Truncated, or Pending (asynchronous window: fill, then call again to resume).
    /// </summary>
    public ScanResult ScanValue(out int start, out int length)
    {
        int mark;
        int i;
        var depth = 0;
        var inString = false;
        var escape = false;
        var tooLarge = false;
        var first = true;
        if (ResumesSavedScan())
        {
            mark = (int)(_saved.Mark - _base);
            i = (int)(_saved.Index - _base);
            (depth, inString, escape, tooLarge, first) = (_saved.Depth, _saved.InString, _saved.Escape, _saved.TooLarge, _saved.First);
            Line = _saved.Line;
            _saved = default;
        }
        else
        {
            mark = i = _pos;
        }

        while (true)
        {
            if (i == _end)
            {
                if (!tooLarge && _end - mark >= _maxRecordBytes)
                {
                    tooLarge = true;
                }

                if (Starved)
                {
                    _saved = new ScanState
                    {
                        Active = true, Start = _base + _pos, Mark = _base + (tooLarge ? i : mark), Index = _base + i, Line = Line, TooLarge = tooLarge,
                        Depth = depth, InString = inString, Escape = escape, First = first,
                    };
                    start = length = 0;
                    return ScanResult.Pending;
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
}
