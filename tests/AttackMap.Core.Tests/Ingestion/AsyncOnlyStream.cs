namespace AttackMap.Tests.Ingestion;

/// <summary>
/// A read-only stream that fails every synchronous read and answers <c>ReadAsync</c> with small random chunks
/// (1 to 7 bytes, seeded), completing asynchronously about one read in three. Records the tokens it was given.
/// </summary>
internal sealed class AsyncOnlyStream : Stream
{
    private readonly byte[] _data;
    private readonly Random _random;
    private int _position;

    public AsyncOnlyStream(byte[] data, int seed)
    {
        _data = data;
        _random = new Random(seed);
    }

    public List<CancellationToken> Tokens { get; } = new();

    /// <summary>Gets or sets the position from which reads wait until they are cancelled.</summary>
    public int HangAt { get; set; } = int.MaxValue;

    /// <summary>Gets a task that completes when a read starts waiting at <see cref="HangAt"/>.</summary>
    public TaskCompletionSource<bool> Hanging { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int AsyncCompletions { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("synchronous Read on an async-only stream");

    public override int Read(Span<byte> buffer) => throw new InvalidOperationException("synchronous Read on an async-only stream");

    public override int ReadByte() => throw new InvalidOperationException("synchronous ReadByte on an async-only stream");

    public override IAsyncResult BeginRead(byte[] buffer, int offset, int count, AsyncCallback? callback, object? state) =>
        throw new InvalidOperationException("BeginRead on an async-only stream");

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Tokens.Add(cancellationToken);
        if (_random.Next(3) == 0)
        {
            AsyncCompletions++;
            await Task.Yield();
        }

        if (_position >= HangAt)
        {
            Hanging.TrySetResult(true);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var n = Math.Min(Math.Min(buffer.Length, _random.Next(1, 8)), Math.Min(_data.Length, HangAt) - _position);
        _data.AsSpan(_position, n).CopyTo(buffer.Span);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
