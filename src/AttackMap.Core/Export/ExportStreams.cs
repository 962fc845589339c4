namespace AttackMap.Export;

/// <summary>Async writing for exporters that render into a buffer first (reports are small).</summary>
internal static class ExportStreams
{
    public static async Task WriteBufferedAsync(Action<Stream> write, Stream output, CancellationToken cancellationToken)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var buffer = new MemoryStream();
        write(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, 81920, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static string ToText(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
