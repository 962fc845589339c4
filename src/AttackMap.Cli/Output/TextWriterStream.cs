using System.Text;

namespace AttackMap.Cli.Output;

/// <summary>A write-only stream that decodes UTF-8 bytes into a <see cref="TextWriter"/> (used when output is redirected in-process).</summary>
internal sealed class TextWriterStream : Stream
{
    private readonly TextWriter _writer;
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();

    public TextWriterStream(TextWriter writer) => _writer = writer;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => _writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        var chars = new char[_decoder.GetCharCount(buffer, offset, count)];
        var written = _decoder.GetChars(buffer, offset, count, chars, 0);
        _writer.Write(chars, 0, written);
    }
}
