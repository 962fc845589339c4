namespace AttackMap.Ingestion;

/// <summary>
/// Remembers the last string decoded for one field and its UTF-8 bytes, so that a field repeating its value from record
/// to record (tenant, resource, user agent, status values) is neither decoded nor allocated again. Memory is bounded by
/// the largest value seen. Not thread-safe.
/// </summary>
internal sealed class LastValueCache
{
    private byte[] _bytes = Array.Empty<byte>();
    private int _length = -1;
    private string? _text;

    /// <summary>Returns the cached string when <paramref name="utf8"/> is the same bytes as last time.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, out string? text)
    {
        if (_length == utf8.Length && utf8.SequenceEqual(new ReadOnlySpan<byte>(_bytes, 0, _length)))
        {
            text = _text;
            return true;
        }

        text = null;
        return false;
    }

    /// <summary>Remembers <paramref name="text"/> as the decoding of <paramref name="utf8"/>.</summary>
    public void Set(ReadOnlySpan<byte> utf8, string? text)
    {
        if (_bytes.Length < utf8.Length)
        {
            _bytes = new byte[Math.Max(utf8.Length, 32)];
        }

        utf8.CopyTo(_bytes);
        _length = utf8.Length;
        _text = text;
    }
}
