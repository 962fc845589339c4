namespace AttackMap.Ingestion;

/// <summary>
/// The rest of an envelope after its records array: a Graph or ARM page may publish its next link after the records
/// (<c>"value": [...], "@odata.nextLink": "..."</c>). The remaining keys are walked one value at a time with the same
/// window scans (never the records again, never more than one value in memory); a next link is kept, everything else
/// is skipped. Nothing here produces records, so no record's outcome depends on it.
/// </summary>
internal sealed partial class JsonSource
{
    private string? _trailKey;

    // The next key of an enclosing object; a closing brace ends that object and the walk goes on in its parent.
    private SourceStep NextTrail()
    {
        while (true)
        {
            var c = _window.SkipWhitespace(commas: true);
            if (c == ByteWindow.NeedMore)
            {
                return SourceStep.NeedBytes;
            }

            if (c == '}')
            {
                _window.Skip();
                continue;
            }

            if (c != '"')
            {
                // The end of the input, or what follows the envelope: not records, as before.
                return Finish();
            }

            if (!_window.TryReadKey(out var key))
            {
                return SourceStep.NeedBytes;
            }

            if (key is null)
            {
                return Finish();
            }

            (_trailKey, _state) = (key, State.TrailColon);
            return NextTrailColon();
        }
    }

    private SourceStep NextTrailColon()
    {
        var c = _window.SkipWhitespace();
        if (c == ByteWindow.NeedMore)
        {
            return SourceStep.NeedBytes;
        }

        if (c != ':')
        {
            return Finish();
        }

        _window.Skip();
        _state = State.TrailValue;
        return NextTrailValue();
    }

    private SourceStep NextTrailValue()
    {
        var c = _window.SkipWhitespace();
        if (c == ByteWindow.NeedMore)
        {
            return SourceStep.NeedBytes;
        }

        var scan = _window.ScanValue(out var start, out var length);
        if (scan == ScanResult.Pending)
        {
            return SourceStep.NeedBytes;
        }

        if (scan != ScanResult.Complete || length == 0)
        {
            return Finish();
        }

        if (PageLink.IsLinkKey(_trailKey!))
        {
            _records.Page.SetFromJson(_window.Buffer, start, length);
        }

        (_trailKey, _state) = (null, State.Trail);
        return SourceStep.Continue;
    }
}
