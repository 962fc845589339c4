using System.Globalization;
using System.Text.Json;

namespace AttackMap.Internal;

/// <summary>Turns a <see cref="JsonException"/> into <c>(line L, column C): message</c> with 1-based positions.</summary>
internal static class JsonErrorText
{
    /// <summary>Describes the error: 1-based line and column (when known), then the parser message without its 0-based position suffix.</summary>
    /// <param name="exception">The parser error.</param>
    /// <returns>The text.</returns>
    public static string Describe(JsonException exception)
    {
        var message = Message(exception);
        return exception.LineNumber is { } line && exception.BytePositionInLine is { } column
            ? string.Format(CultureInfo.InvariantCulture, "(line {0}, column {1}): {2}", line + 1, column + 1, message)
            : message;
    }

    /// <summary>The parser message without its 0-based <c>LineNumber: .. | BytePositionInLine: ..</c> suffix.</summary>
    /// <param name="exception">The parser error.</param>
    /// <returns>The message.</returns>
    public static string Message(JsonException exception)
    {
        var message = exception.Message;
        var at = message.IndexOf(" Path:", StringComparison.Ordinal);
        var lineAt = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (at < 0 || (lineAt >= 0 && lineAt < at))
        {
            at = lineAt;
        }

        return (at >= 0 ? message.Substring(0, at) : message).Trim();
    }
}
