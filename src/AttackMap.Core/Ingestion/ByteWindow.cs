namespace AttackMap.Ingestion;

/// <summary>
/// A sliding, growable window over a stream that finds the byte range of one JSON value, one line or one CSV row at a
/// time, tracking the absolute byte offset and the 1-based line. Memory stays bounded by the largest record.
/// </summary>
/// <remarks>
/// The scanners are the same for synchronous and asynchronous reading; only filling differs. A synchronous window
/// reads more bytes with <see cref="Stream.Read(byte[], int, int)"/> inside a scan. An asynchronous window never
/// blocks: when the buffered bytes run out before the stream has ended, a scan saves where it stopped and returns
/// <see cref="ScanResult.Pending"/> (a skip returns <see cref="NeedMore"/>); the caller awaits <see cref="FillAsync"/>
/// and calls the same scan again, which resumes where it stopped.
/// </remarks>
internal sealed partial class ByteWindow
{
    /// <summary>Returned by the skips of an asynchronous window when more bytes must be read first.</summary>
    public const int NeedMore = -2;

    private readonly Stream _stream;
    private readonly int _maxRecordBytes;
    private readonly bool _async;
    private byte[] _buffer;
    private int _pos;
    private int _end;
    private bool _eof;
    private long _base;
    private int _lastShift;
    private ScanState _saved;

    public ByteWindow(Stream stream, int maxRecordBytes, bool async = false)
    {
        _stream = stream;
        _maxRecordBytes = maxRecordBytes;
        _async = async;
        _buffer = new byte[Math.Min(64 * 1024, Math.Max(1024, maxRecordBytes + 1))];
    }

    public int MaxRecordBytes => _maxRecordBytes;

    /// <summary>Gets the size of the buffer (the memory the window holds).</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Gets the absolute byte offset of the current position.</summary>
    public long Offset => _base + _pos;

    /// <summary>Gets the 1-based line of the current position.</summary>
    public long Line { get; private set; } = 1;

    /// <summary>Gets the buffer the last scanned range lives in (valid until the next call).</summary>
    public byte[] Buffer => _buffer;

    /// <summary>Gets or sets a value indicating whether bytes from the start of the stream are kept so that <see cref="Rewind"/> can go back.</summary>
    public bool Pinned { get; set; }

    // True when an asynchronous window ran out of buffered bytes before the end of the stream.
    private bool Starved => _async && !_eof;

    /// <summary>
    /// Skips whitespace, a UTF-8 BOM, and (when <paramref name="commas"/>) commas; returns the next byte, -1 at the end,
    /// or <see cref="NeedMore"/> (asynchronous window; what was skipped stays skipped).
    /// </summary>
    public int SkipWhitespace(bool commas = false)
    {
        while (true)
        {
            if (_pos == _end)
            {
                if (Starved)
                {
                    return NeedMore;
                }

                if (!Fill(_pos))
                {
                    return -1;
                }
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

    /// <summary>Skips CR and LF bytes; returns the next byte, -1 at the end, or <see cref="NeedMore"/>.</summary>
    public int SkipLineBreaks()
    {
        while (true)
        {
            if (_pos == _end)
            {
                if (Starved)
                {
                    return NeedMore;
                }

                if (!Fill(_pos))
                {
                    return -1;
                }
            }

            var b = _buffer[_pos];
            if (b == (byte)'\n')
            {
                Line++;
            }
            else if (b != (byte)'\r')
            {
                return b;
            }

            _pos++;
        }
    }

    /// <summary>
    /// Goes back to an earlier absolute <paramref name="offset"/> while <see cref="Pinned"/> has kept the bytes. A scan
    /// interrupted for bytes stays saved, so a caller that replays the same steps resumes it instead of rescanning.
    /// </summary>
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

    /// <summary>Finds the next line (without its line break). Returns Complete, TooLarge (line dropped), Truncated at the end, or Pending.</summary>
    public ScanResult ScanLine(out int start, out int length)
    {
        int mark;
        int i;
        bool tooLarge;
        if (ResumesSavedScan())
        {
            mark = (int)(_saved.Mark - _base);
            i = (int)(_saved.Index - _base);
            tooLarge = _saved.TooLarge;
            Line = _saved.Line;
            _saved = default;
        }
        else
        {
            mark = i = _pos;
            tooLarge = false;
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
                    _saved = new ScanState { Active = true, Start = _base + _pos, Mark = _base + (tooLarge ? i : mark), Index = _base + i, TooLarge = tooLarge, Line = Line };
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

    /// <summary>Reads a JSON string key at the current position (simple unescaping); false when the window must be filled first.</summary>
    /// <param name="key">The key, or null when the next value is not a string.</param>
    public bool TryReadKey(out string? key)
    {
        var scan = ScanValue(out var start, out var length);
        if (scan == ScanResult.Pending)
        {
            key = null;
            return false;
        }

        key = scan != ScanResult.Complete || length < 2 || _buffer[start] != (byte)'"'
            ? null
            : System.Text.Encoding.UTF8.GetString(_buffer, start + 1, length - 2).Replace("\\/", "/");
        return true;
    }

    /// <summary>Moves the bytes still needed to the front, grows the buffer when full, and reads more without blocking.</summary>
    public async Task FillAsync(CancellationToken cancellationToken)
    {
        if (_eof)
        {
            return;
        }

        Compact(_saved.Active ? (int)(_saved.Mark - _base) : _pos);
        var read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
        if (read <= 0)
        {
            _eof = true;
            return;
        }

        _end += read;
    }

    // A saved scan resumes only when the same scan is called again at the same start: a pinned replay (Rewind) passes
    // through earlier, complete scans first. (A scan dropping a too-large record moves the position with the bytes it
    // discards, so its start is compared after the same clamping.)
    private bool ResumesSavedScan() => _saved.Active && Math.Max(_saved.Start, _base) == _base + _pos;

    // Moves [keep, _end) to the front, grows the buffer when full, and reads more. Returns false at the end of the stream.
    private bool Fill(int keep)
    {
        _lastShift = 0;
        if (_eof)
        {
            return false;
        }

        Compact(keep);
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read <= 0)
        {
            _eof = true;
            return false;
        }

        _end += read;
        return true;
    }

    private void Compact(int keep)
    {
        _lastShift = 0;
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
    }

    // Where an interrupted scan stopped (absolute offsets), so that the next call resumes instead of rescanning.
    private struct ScanState
    {
        public bool Active;
        public long Start;
        public long Mark;
        public long Index;
        public long Line;
        public bool TooLarge;
        public int Depth;
        public bool InString;
        public bool Escape;
        public bool First;
        public byte Mode;
    }
}
