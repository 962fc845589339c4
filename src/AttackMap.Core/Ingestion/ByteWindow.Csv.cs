namespace AttackMap.Ingestion;

/// <summary>Finding the end of one CSV row.</summary>
internal sealed partial class ByteWindow
{
    private const byte FieldStart = 0;
    private const byte Unquoted = 1;
    private const byte InQuotes = 2;
    private const byte QuoteSeen = 3;
    private const byte AfterQuotes = 4;

    /// <summary>
    /// Finds the end of the RFC 4180 row starting at the current position: quoted fields may hold commas, doubled quotes
    /// and line breaks; the row ends before the first CR or LF outside quotes (left for <see cref="SkipLineBreaks"/>).
    /// Returns Complete, TooLarge (row consumed and dropped), Truncated (the stream ends inside a quoted field), or Pending.
    /// </summary>
    public ScanResult ScanCsvRow(out int start, out int length)
    {
        int mark;
        int i;
        var tooLarge = false;
        var mode = FieldStart;
        if (ResumesSavedScan())
        {
            mark = (int)(_saved.Mark - _base);
            i = (int)(_saved.Index - _base);
            (tooLarge, mode) = (_saved.TooLarge, _saved.Mode);
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
                    _saved = new ScanState { Active = true, Start = _base + _pos, Mark = _base + (tooLarge ? i : mark), Index = _base + i, Line = Line, TooLarge = tooLarge, Mode = mode };
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
                    start = tooLarge || mode == InQuotes ? 0 : mark;
                    length = tooLarge || mode == InQuotes ? 0 : i - mark;
                    return tooLarge ? ScanResult.TooLarge : mode == InQuotes ? ScanResult.Truncated : ScanResult.Complete;
                }
            }

            var b = _buffer[i];
            if (mode == InQuotes)
            {
                if (b == (byte)'"')
                {
                    mode = QuoteSeen;
                }
                else if (b == (byte)'\n')
                {
                    Line++;
                }

                i++;
                continue;
            }

            if (b == (byte)'"' && mode is FieldStart or QuoteSeen)
            {
                mode = InQuotes; // an opening quote, or the second of a doubled quote
                i++;
                continue;
            }

            if (b == (byte)',')
            {
                mode = FieldStart;
            }
            else if (b is (byte)'\r' or (byte)'\n')
            {
                break;
            }
            else
            {
                mode = mode is QuoteSeen or AfterQuotes ? AfterQuotes : Unquoted;
            }

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
