namespace AttackMap.Ingestion;

/// <summary>A read-only stream that replays bytes already read for shape detection, then continues with the inner stream.</summary>
internal sealed class PrefixedStream : Stream
{
    private readonly byte[] _prefix;
    private readonly int _length;
    private readonly Stream _inner;
    private int _position;

    public PrefixedStream(byte[] prefix, int length, Stream inner)
    {
        _prefix = prefix;
        _length = length;
        _inner = inner;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        _position < _length ? ReadPrefix(buffer, offset, count) : _inner.Read(buffer, offset, count);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _position < _length ? Task.FromResult(ReadPrefix(buffer, offset, count)) : _inner.ReadAsync(buffer, offset, count, cancellationToken);

#if NET8_0_OR_GREATER
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position < _length)
        {
            var n = Math.Min(buffer.Length, _length - _position);
            _prefix.AsSpan(_position, n).CopyTo(buffer.Span);
            _position += n;
            return new ValueTask<int>(n);
        }

        return _inner.ReadAsync(buffer, cancellationToken);
    }
#endif

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int ReadPrefix(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(count, _length - _position);
        System.Buffer.BlockCopy(_prefix, _position, buffer, offset, n);
        _position += n;
        return n;
    }
}
