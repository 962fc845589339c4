using System.Text.Json;
using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>
/// Streams records out of JSON input: JSON Lines (one record per line), or one document that is a bare array,
/// an envelope (<c>records</c>, Graph / ARM <c>value</c> pages, x-ms-examples <c>responses</c>), a single
/// record, or several concatenated top-level objects. Every record is parsed on its own, so one bad record
/// never stops the others (inside an array the reader resynchronizes on balanced brackets).
/// </summary>
internal sealed class JsonSource
{
    private readonly string _file;
    private readonly ByteWindow _window;
    private readonly CancellationToken _cancellationToken;
    private readonly JsonRecordParser _records;

    public JsonSource(Stream stream, string file, LogReaderOptions options, CancellationToken cancellationToken)
    {
        _file = file;
        _cancellationToken = cancellationToken;
        _records = new JsonRecordParser(file, options.MaxDepth, options.SignInFastPath);
        _window = new ByteWindow(stream, options.MaxRecordBytes);
    }

    public IEnumerable<LogRecord> ReadLines()
    {
        var output = new List<LogRecord>();
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var line = _window.Line;
            var offset = _window.Offset;
            var result = _window.ScanLine(out var start, out var length);
            if (result == ScanResult.Truncated)
            {
                yield break;
            }

            if (result == ScanResult.TooLarge)
            {
                yield return TooLarge(line, offset);
                continue;
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

            if (length == 0)
            {
                continue;
            }

            output.Clear();
            _records.Parse(buffer, start, length, line, offset, null, true, output);
            foreach (var record in output)
            {
                yield return record;
            }
        }
    }

    public IEnumerable<LogRecord> ReadDocument()
    {
        var output = new List<LogRecord>();
        _window.Pinned = true;
        var first = true;
        while (true)
        {
            var c = _window.SkipWhitespace();
            if (c < 0)
            {
                yield break;
            }

            output.Clear();
            if (c == '[')
            {
                _window.Pinned = false;
                _window.Skip();
                ReadArray(null, output);
            }
            else if (c == '{')
            {
                var start = _window.Offset;
                var line = _window.Line;
                string? hint = null;
                var probe = first ? Probe(ref hint, output) : ProbeResult.NotEnvelope;
                _window.Pinned = false;
                if (probe == ProbeResult.NotEnvelope)
                {
                    if (first && !_window.Rewind(start, line))
                    {
                        output.Add(Reject(line, start, RejectionKind.TooLarge, "the document's first record is too large to re-read"));
                    }
                    else
                    {
                        ReadOne(hint, output);
                    }
                }
                else
                {
                    // An envelope was streamed (or broke): what follows its array (nextLink...) is not records.
                    foreach (var record in output)
                    {
                        yield return record;
                    }

                    yield break;
                }
            }
            else
            {
                output.Add(Reject(_window.Line, _window.Offset, RejectionKind.Malformed, $"unexpected character '{(char)c}' where a JSON value should start; the rest of the file was not read"));
                foreach (var record in output)
                {
                    yield return record;
                }

                yield break;
            }

            first = false;
            foreach (var record in output)
            {
                yield return record;
            }
        }
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    internal static bool IsEnvelopeKey(string key) =>
        key.StartsWith("@", StringComparison.Ordinal) || key.StartsWith("odata.", StringComparison.OrdinalIgnoreCase)
        || key.Equals("nextLink", StringComparison.OrdinalIgnoreCase) || key.Equals("parameters", StringComparison.OrdinalIgnoreCase)
        || key.Equals("$schema", StringComparison.OrdinalIgnoreCase) || key.Equals("count", StringComparison.OrdinalIgnoreCase)
        || key.Equals("title", StringComparison.OrdinalIgnoreCase) || key.Equals("operationId", StringComparison.Ordinal);

    // Walks the keys of the object at the current position. Streams the first records/value array it finds;
    // stops at the first key that is not an envelope key (the object is then a record).
    private ProbeResult Probe(ref string? hint, List<LogRecord> output)
    {
        _window.Skip(); // '{'
        while (true)
        {
            var c = _window.SkipWhitespace(commas: true);
            if (c == '}')
            {
                _window.Skip();
                return ProbeResult.Streamed;
            }

            var line = _window.Line;
            var offset = _window.Offset;
            var key = c == '"' ? _window.ReadKey() : null;
            if (key is null || _window.SkipWhitespace() != ':')
            {
                output.Add(Reject(line, offset, RejectionKind.Malformed, c < 0 ? "file ends inside the top-level object (truncated)" : "invalid JSON: expected a quoted property name in the top-level object; the rest of the file was not read"));
                return ProbeResult.Malformed;
            }

            _window.Skip(); // ':'
            c = _window.SkipWhitespace();
            var isArrayKey = key.Equals("records", StringComparison.OrdinalIgnoreCase) || key.Equals("value", StringComparison.OrdinalIgnoreCase) || key.Equals("body", StringComparison.OrdinalIgnoreCase);
            if (isArrayKey && c == '[')
            {
                _window.Pinned = false;
                _window.Skip();
                ReadArray(hint, output);
                return ProbeResult.Streamed;
            }

            var isWrapperKey = key.Equals("responses", StringComparison.OrdinalIgnoreCase) || key.Equals("body", StringComparison.OrdinalIgnoreCase)
                || (key.Length == 3 && key[0] == '2' && char.IsDigit(key[1]) && char.IsDigit(key[2]));
            if (isWrapperKey && c == '{')
            {
                var innerOffset = _window.Offset;
                var innerLine = _window.Line;
                var inner = Probe(ref hint, output);
                if (inner == ProbeResult.NotEnvelope)
                {
                    // The body is itself a single record.
                    _window.Pinned = false;
                    if (!_window.Rewind(innerOffset, innerLine))
                    {
                        output.Add(Reject(innerLine, innerOffset, RejectionKind.TooLarge, "the response body is too large to re-read"));
                        return ProbeResult.Malformed;
                    }

                    ReadOne(hint, output);
                    return ProbeResult.Streamed;
                }

                return inner;
            }

            if (!IsEnvelopeKey(key))
            {
                return ProbeResult.NotEnvelope;
            }

            var valueLine = _window.Line;
            var valueOffset = _window.Offset;
            var scan = _window.ScanValue(out var start, out var length);
            if (scan != ScanResult.Complete || length == 0)
            {
                output.Add(Reject(valueLine, valueOffset, RejectionKind.Malformed, "file ends inside the top-level object (truncated)"));
                return ProbeResult.Malformed;
            }

            if (key.Equals("@odata.context", StringComparison.OrdinalIgnoreCase) || key.Equals("odata.metadata", StringComparison.OrdinalIgnoreCase))
            {
                hint = LogTables.TableFromODataContext(System.Text.Encoding.UTF8.GetString(_window.Buffer, start, length).Trim('"'));
            }
        }
    }

    private void ReadOne(string? hint, List<LogRecord> output)
    {
        var line = _window.Line;
        var offset = _window.Offset;
        var scan = _window.ScanValue(out var start, out var length);
        switch (scan)
        {
            case ScanResult.Complete:
                _records.Parse(_window.Buffer, start, length, line, offset, hint, false, output);
                break;
            case ScanResult.TooLarge:
                output.Add(TooLarge(line, offset));
                break;
            default:
                output.Add(Reject(line, offset, RejectionKind.Malformed, "file ends inside the JSON document (truncated)"));
                break;
        }
    }

    private void ReadArray(string? hint, List<LogRecord> output)
    {
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var c = _window.SkipWhitespace(commas: true);
            var line = _window.Line;
            var offset = _window.Offset;
            if (c < 0)
            {
                output.Add(Reject(line, offset, RejectionKind.Malformed, "file ends inside the array (truncated)"));
                return;
            }

            if (c == ']')
            {
                _window.Skip();
                return;
            }

            var scan = _window.ScanValue(out var start, out var length);
            if (scan == ScanResult.TooLarge)
            {
                output.Add(TooLarge(line, offset));
                continue;
            }

            if (scan == ScanResult.Truncated || length == 0)
            {
                output.Add(Reject(line, offset, RejectionKind.Malformed, scan == ScanResult.Truncated
                    ? "file ends inside a record (truncated)"
                    : $"invalid JSON: unexpected character '{(char)c}' in the array; the rest of the file was not read"));
                return;
            }

            _records.Parse(_window.Buffer, start, length, line, offset, hint, true, output);
        }
    }

    private LogRecord TooLarge(long line, long offset) =>
        Reject(line, offset, RejectionKind.TooLarge, $"record is larger than the limit of {_window.MaxRecordBytes} bytes; skipped");

    private LogRecord Reject(long line, long offset, RejectionKind kind, string reason) =>
        LogRecord.Rejected(new SignalOrigin(_file, _records.NextIndex(), line, offset), kind, reason);

    private enum ProbeResult
    {
        Streamed,
        NotEnvelope,
        Malformed,
    }
}
