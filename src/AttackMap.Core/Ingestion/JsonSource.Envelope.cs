namespace AttackMap.Ingestion;

/// <summary>Recognising the envelope of a JSON document (Event Hub, Graph / ARM pages, x-ms-examples).</summary>
internal sealed partial class JsonSource
{
    internal static bool IsEnvelopeKey(string key) =>
        key.StartsWith("@", StringComparison.Ordinal) || key.StartsWith("odata.", StringComparison.OrdinalIgnoreCase)
        || key.Equals("nextLink", StringComparison.OrdinalIgnoreCase) || key.Equals("parameters", StringComparison.OrdinalIgnoreCase)
        || key.Equals("$schema", StringComparison.OrdinalIgnoreCase) || key.Equals("count", StringComparison.OrdinalIgnoreCase)
        || key.Equals("title", StringComparison.OrdinalIgnoreCase) || key.Equals("operationId", StringComparison.Ordinal);

    // Walks the keys of the object at the current position. Stops at the first records/value array it finds (the
    // window is then inside it), at a wrapper's body record, or at the first key that is not an envelope key (the
    // object is then a record).
    private ProbeResult Probe(ref string? hint, List<LogRecord> output, out long innerOffset, out long innerLine)
    {
        (innerOffset, innerLine) = (0, 0);
        _window.Skip(); // '{'
        while (true)
        {
            var c = _window.SkipWhitespace(commas: true);
            if (c == ByteWindow.NeedMore)
            {
                return ProbeResult.NeedBytes;
            }

            if (c == '}')
            {
                _window.Skip();
                return ProbeResult.Streamed;
            }

            var line = _window.Line;
            var offset = _window.Offset;
            string? key = null;
            if (c == '"' && !_window.TryReadKey(out key))
            {
                return ProbeResult.NeedBytes;
            }

            var colon = key is null ? -1 : _window.SkipWhitespace();
            if (colon == ByteWindow.NeedMore)
            {
                return ProbeResult.NeedBytes;
            }

            if (key is null || colon != ':')
            {
                output.Add(Reject(line, offset, RejectionKind.Malformed, c < 0 ? "file ends inside the top-level object (truncated)" : "invalid JSON: expected a quoted property name in the top-level object; the rest of the file was not read"));
                return ProbeResult.Malformed;
            }

            _window.Skip(); // ':'
            c = _window.SkipWhitespace();
            if (c == ByteWindow.NeedMore)
            {
                return ProbeResult.NeedBytes;
            }

            var isArrayKey = key.Equals("records", StringComparison.OrdinalIgnoreCase) || key.Equals("value", StringComparison.OrdinalIgnoreCase) || key.Equals("body", StringComparison.OrdinalIgnoreCase);
            if (isArrayKey && c == '[')
            {
                _window.Skip();
                return ProbeResult.Array;
            }

            var isWrapperKey = key.Equals("responses", StringComparison.OrdinalIgnoreCase) || key.Equals("body", StringComparison.OrdinalIgnoreCase)
                || (key.Length == 3 && key[0] == '2' && char.IsDigit(key[1]) && char.IsDigit(key[2]));
            if (isWrapperKey && c == '{')
            {
                var bodyOffset = _window.Offset;
                var bodyLine = _window.Line;
                var inner = Probe(ref hint, output, out innerOffset, out innerLine);
                if (inner == ProbeResult.NotEnvelope)
                {
                    // The body is itself a single record.
                    (innerOffset, innerLine) = (bodyOffset, bodyLine);
                    return ProbeResult.Body;
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
            if (scan == ScanResult.Pending)
            {
                return ProbeResult.NeedBytes;
            }

            if (scan != ScanResult.Complete || length == 0)
            {
                output.Add(Reject(valueLine, valueOffset, RejectionKind.Malformed, "file ends inside the top-level object (truncated)"));
                return ProbeResult.Malformed;
            }

            if (PageLink.IsLinkKey(key))
            {
                _records.Page.SetFromJson(_window.Buffer, start, length);
            }
            else if (key.Equals("@odata.context", StringComparison.OrdinalIgnoreCase) || key.Equals("odata.metadata", StringComparison.OrdinalIgnoreCase))
            {
                hint = LogTables.TableFromODataContext(System.Text.Encoding.UTF8.GetString(_window.Buffer, start, length).Trim('"'));
            }
        }
    }

    private enum ProbeResult
    {
        Streamed,
        NotEnvelope,
        Malformed,
        Array,
        Body,
        NeedBytes,
    }
}
