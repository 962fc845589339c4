using System.Text.Json;
using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>
/// Parses the bytes of one JSON record (or one JSON Lines line) into records: unwraps envelopes when asked, reports
/// syntax and depth errors with their location, and numbers records in file order.
/// </summary>
internal sealed class JsonRecordParser
{
    private readonly string _file;
    private readonly JsonDocumentOptions _documentOptions;
    private readonly SignInLineParser? _signIns;
    private long _index;

    public JsonRecordParser(string file, int maxDepth, bool signInFastPath = true)
    {
        _file = file;
        _signIns = signInFastPath ? new SignInLineParser(maxDepth) : null;
        _documentOptions = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = maxDepth };
    }

    /// <summary>Gets the next-page link of the source (set from envelope lines here, from the document by <see cref="JsonSource"/>).</summary>
    public PageLink Page { get; } = new();

    /// <summary>Returns the next 0-based record index.</summary>
    public long NextIndex() => _index++;

    public void Parse(byte[] buffer, int start, int length, long line, long offset, string? hint, bool unwrap, List<LogRecord> output)
    {
        // Diagnostic sign-ins (the bulk of most exports) are read in one pass; anything else takes the general path.
        var json = new ReadOnlySpan<byte>(buffer, start, length);
        if (hint is null && _signIns is not null && _signIns.TryRead(json, out var kind)
            && _signIns.TryBuild(json, new SignalOrigin(_file, _index, line, offset), kind) is { } signIn)
        {
            _index++;
            output.Add(signIn);
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(new ReadOnlyMemory<byte>(buffer, start, length), _documentOptions);
        }
        catch (JsonException e)
        {
            var tooDeep = e.Message.IndexOf("maximum configured depth", StringComparison.OrdinalIgnoreCase) >= 0;
            var where = e.LineNumber is { } l ? $" (line {line + l}, byte {e.BytePositionInLine + 1} of that line)" : string.Empty;
            output.Add(LogRecord.Rejected(new SignalOrigin(_file, _index++, line, offset), tooDeep ? RejectionKind.TooDeep : RejectionKind.Malformed,
                (tooDeep ? $"record nests deeper than the limit of {_documentOptions.MaxDepth}" : "invalid JSON: " + FirstSentence(e.Message)) + where));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            var view = root.ValueKind == JsonValueKind.Object ? new JsonRecordView(root) : null;
            bool envelope;
            JsonElement items = default;
            try
            {
                envelope = unwrap && TryEnvelope(root, view, ref hint, out items);
            }
            catch (InvalidOperationException e) when (e.InnerException is System.Text.DecoderFallbackException)
            {
                // JsonDocument accepts a property name that is not UTF-8; reading it as a string is what fails.
                output.Add(LogRecord.Rejected(new SignalOrigin(_file, _index++, line, offset), RejectionKind.Malformed, "invalid UTF-8 in a property name"));
                return;
            }

            if (envelope)
            {
                if (view is not null)
                {
                    ReadLink(view);
                }

                foreach (var item in items.EnumerateArray())
                {
                    Classify(item, null, line, offset, hint, output);
                }

                return;
            }

            Classify(root, view, line, offset, hint, output);
        }
    }

    private static bool TryEnvelope(JsonElement root, JsonRecordView? view, ref string? hint, out JsonElement items)
    {
        items = default;
        if (root.ValueKind == JsonValueKind.Array)
        {
            items = root;
            return true;
        }

        if (view is null)
        {
            return false;
        }

        if (view.TryGet("records", out items) && items.ValueKind == JsonValueKind.Array)
        {
            return true;
        }

        if (view.TryGet("value", out items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in view.Names)
            {
                if (!name.Equals("value", StringComparison.OrdinalIgnoreCase) && !JsonSource.IsEnvelopeKey(name))
                {
                    return false;
                }
            }

            hint ??= LogTables.TableFromODataContext(view.Text("@odata.context"));
            return true;
        }

        return false;
    }

    // A page's next link (Graph @odata.nextLink, ARM nextLink) on an envelope line.
    private void ReadLink(JsonRecordView view)
    {
        foreach (var name in view.Names)
        {
            if (PageLink.IsLinkKey(name) && view.TryGet(name, out var link) && link.ValueKind == JsonValueKind.String)
            {
                Page.Set(link.GetString());
            }
        }
    }

    private void Classify(JsonElement element, JsonRecordView? view, long line, long offset, string? hint, List<LogRecord> output)
    {
        var origin = new SignalOrigin(_file, _index++, line, offset);
        if (element.ValueKind != JsonValueKind.Object)
        {
            output.Add(LogRecord.Rejected(origin, RejectionKind.UnrecognizedRecord, $"record is a JSON {element.ValueKind}, not an object"));
            return;
        }

        output.Add(RecordSafety.Classify(view ?? new JsonRecordView(element), origin, hint));
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message.Substring(0, cut) : message).Trim();
    }
}
