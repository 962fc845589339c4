using System.Text.Json;
using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>
/// Streams records out of JSON input: JSON Lines (one record per line), or one document that is a bare array,
/// an envelope (<c>records</c>, Graph / ARM <c>value</c> pages, x-ms-examples <c>responses</c>), a single
/// record, or several concatenated top-level objects. Every record is parsed on its own, so one bad record
/// never stops the others (inside an array the reader resynchronizes on balanced brackets).
/// </summary>
internal sealed partial class JsonSource : IRecordSource
{
    private readonly string _file;
    private readonly ByteWindow _window;
    private readonly JsonRecordParser _records;
    private State _state;
    private State _after;
    private string? _hint;
    private bool _first = true;
    private bool _scanning;
    private long _line;
    private long _offset;
    private int _char;

    public JsonSource(Stream stream, string file, LogReaderOptions options, bool lines, bool async)
    {
        _file = file;
        _records = new JsonRecordParser(file, options.MaxDepth, options.SignInFastPath);
        _window = new ByteWindow(stream, options.MaxRecordBytes, async) { Pinned = !lines };
        _state = lines ? State.Line : State.Top;
    }

    public ByteWindow Window => _window;

    public SourceStep Next(List<LogRecord> output)
    {
        var count = output.Count;
        var step = _state switch
        {
            State.Line => NextLine(output),
            State.Top => NextTop(output),
            State.Probe => NextProbe(output),
            State.Item => NextItem(output),
            State.ItemValue => NextItemValue(output),
            State.One => NextOne(output),
            State.Trail => NextTrail(),
            State.TrailColon => NextTrailColon(),
            State.TrailValue => NextTrailValue(),
            _ => SourceStep.End,
        };

        // Every record carries the source's next link, which may only be read after the records (see Trail).
        for (var i = count; i < output.Count; i++)
        {
            output[i].Page = _records.Page;
        }

        return step;
    }

    // JSON Lines: one line, one record (or the records of one envelope line).
    private SourceStep NextLine(List<LogRecord> output)
    {
        Begin();
        var result = _window.ScanLine(out var start, out var length);
        if (result == ScanResult.Pending)
        {
            return SourceStep.NeedBytes;
        }

        _scanning = false;
        var offset = _offset;
        if (result == ScanResult.Truncated)
        {
            return SourceStep.End;
        }

        if (result == ScanResult.TooLarge)
        {
            output.Add(TooLarge(_line, offset));
            return SourceStep.Continue;
        }

        var buffer = _window.Buffer;
        if (offset == 0 && length >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF)
        {
            start += 3;
            length -= 3;
            offset += 3;
        }

        while (length > 0 && IsSpace(buffer[start + length - 1]))
        {
            length--;
        }

        while (length > 0 && IsSpace(buffer[start]))
        {
            start++;
            length--;
            offset++;
        }

        if (length > 0)
        {
            _records.Parse(buffer, start, length, _line, offset, null, true, output);
        }

        return SourceStep.Continue;
    }

    // A JSON document: the next top-level value (an array, an envelope or a record).
    private SourceStep NextTop(List<LogRecord> output)
    {
        var c = _window.SkipWhitespace();
        if (c == ByteWindow.NeedMore)
        {
            return SourceStep.NeedBytes;
        }

        if (c < 0)
        {
            return Finish();
        }

        var first = _first;
        _first = false;
        if (c == '[')
        {
            _window.Pinned = false;
            _window.Skip();
            (_hint, _after, _state) = (null, State.Top, State.Item);
            return SourceStep.Continue;
        }

        if (c == '{')
        {
            (_line, _offset) = (_window.Line, _window.Offset);
            if (first)
            {
                _state = State.Probe;
                return NextProbe(output);
            }

            (_hint, _after, _state) = (null, State.Top, State.One);
            return NextOne(output);
        }

        output.Add(Reject(_window.Line, _window.Offset, RejectionKind.Malformed, $"unexpected character '{(char)c}' where a JSON value should start; the rest of the file was not read"));
        return Finish();
    }

    // The first top-level object: an envelope whose records array is streamed, or a record. The probe keeps the
    // bytes from the start of the stream, so when it runs out of bytes it simply starts again once they arrive.
    private SourceStep NextProbe(List<LogRecord> output)
    {
        _window.Rewind(_offset, _line);
        string? hint = null;
        var probe = Probe(ref hint, output, out var innerOffset, out var innerLine);
        if (probe == ProbeResult.NeedBytes)
        {
            return SourceStep.NeedBytes;
        }

        _window.Pinned = false;
        _hint = hint;
        switch (probe)
        {
            case ProbeResult.Array:
                (_after, _state) = (State.Trail, State.Item);
                return SourceStep.Continue;
            case ProbeResult.Body:
                if (!_window.Rewind(innerOffset, innerLine))
                {
                    output.Add(Reject(innerLine, innerOffset, RejectionKind.TooLarge, "the response body is too large to re-read"));
                    return Finish();
                }

                (_after, _state) = (State.Done, State.One);
                return SourceStep.Continue;
            case ProbeResult.NotEnvelope:
                if (!_window.Rewind(_offset, _line))
                {
                    output.Add(Reject(_line, _offset, RejectionKind.TooLarge, "the document's first record is too large to re-read"));
                    return Finish();
                }

                (_after, _state) = (State.Top, State.One);
                return SourceStep.Continue;
            default:
                // An envelope without records, or a broken one: what follows it is not records (a next link was read by the probe).
                return Finish();
        }
    }

    // One array item: skip to it, then scan it (NextItemValue).
    private SourceStep NextItem(List<LogRecord> output)
    {
        var c = _window.SkipWhitespace(commas: true);
        if (c == ByteWindow.NeedMore)
        {
            return SourceStep.NeedBytes;
        }

        (_line, _offset, _char) = (_window.Line, _window.Offset, c);
        if (c < 0)
        {
            output.Add(Reject(_line, _offset, RejectionKind.Malformed, "file ends inside the array (truncated)"));
            return Finish();
        }

        if (c == ']')
        {
            _window.Skip();
            _state = _after;
            return _state == State.Done ? SourceStep.End : SourceStep.Continue;
        }

        _state = State.ItemValue;
        return NextItemValue(output);
    }

    private SourceStep NextItemValue(List<LogRecord> output)
    {
        var scan = _window.ScanValue(out var start, out var length);
        if (scan == ScanResult.Pending)
        {
            return SourceStep.NeedBytes;
        }

        _state = State.Item;
        if (scan == ScanResult.TooLarge)
        {
            output.Add(TooLarge(_line, _offset));
            return SourceStep.Continue;
        }

        if (scan == ScanResult.Truncated || length == 0)
        {
            output.Add(Reject(_line, _offset, RejectionKind.Malformed, scan == ScanResult.Truncated
                ? "file ends inside a record (truncated)"
                : $"invalid JSON: unexpected character '{(char)_char}' in the array; the rest of the file was not read"));
            return Finish();
        }

        _records.Parse(_window.Buffer, start, length, _line, _offset, _hint, true, output);
        return SourceStep.Continue;
    }

    // One whole value read as a record (a top-level object, or a response body).
    private SourceStep NextOne(List<LogRecord> output)
    {
        Begin();
        var scan = _window.ScanValue(out var start, out var length);
        if (scan == ScanResult.Pending)
        {
            return SourceStep.NeedBytes;
        }

        _scanning = false;
        switch (scan)
        {
            case ScanResult.Complete:
                _records.Parse(_window.Buffer, start, length, _line, _offset, _hint, false, output);
                break;
            case ScanResult.TooLarge:
                output.Add(TooLarge(_line, _offset));
                break;
            default:
                output.Add(Reject(_line, _offset, RejectionKind.Malformed, "file ends inside the JSON document (truncated)"));
                break;
        }

        _state = _after;
        return _state == State.Done ? SourceStep.End : SourceStep.Continue;
    }

    // Notes where the record being scanned starts (once, not again when a scan resumes).
    private void Begin()
    {
        if (!_scanning)
        {
            (_line, _offset, _scanning) = (_window.Line, _window.Offset, true);
        }
    }

    private SourceStep Finish()
    {
        _state = State.Done;
        return SourceStep.End;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private LogRecord TooLarge(long line, long offset) =>
        Reject(line, offset, RejectionKind.TooLarge, $"record is larger than the limit of {_window.MaxRecordBytes} bytes; skipped");

    private LogRecord Reject(long line, long offset, RejectionKind kind, string reason) =>
        LogRecord.Rejected(new SignalOrigin(_file, _records.NextIndex(), line, offset), kind, reason);

    private enum State
    {
        Line,
        Top,
        Probe,
        Item,
        ItemValue,
        One,
        Trail,
        TrailColon,
        TrailValue,
        Done,
    }
}
