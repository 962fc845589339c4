using System.Globalization;

namespace AttackMap.Ingestion;

/// <summary>
/// Parses the many time spellings Azure logs use (ISO 8601 with 0-9 fraction digits, one-digit hours,
/// US 12-hour forms, space-separated, RFC 1123, Unix seconds), always with the invariant culture.
/// A value without an offset is taken as UTC.
/// </summary>
internal static class FlexibleTime
{
    private static readonly string[] UsFormats =
    {
        "M/d/yyyy h:mm:ss tt", "M/d/yyyy h:mm:ss.FFFFFFF tt", "M/d/yyyy, h:mm:ss tt", "M/d/yyyy, h:mm:ss.FFFFFFF tt",
        "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm:ss.FFFFFFF", "M/d/yyyy h:mm:ss tt zzz", "M/d/yyyy H:mm:ss zzz",
        "M/d/yyyy h:mm tt", "M/d/yyyy H:mm",
    };

    private static readonly string[] IsoFormats =
    {
        "yyyy-MM-dd'T'H:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'H:mm:ssK", "yyyy-MM-dd H:mm:ss.FFFFFFFK", "yyyy-MM-dd H:mm:ssK",
        "yyyy-MM-dd'T'H:mmK", "yyyy-MM-dd",
    };

    /// <summary>Parses <paramref name="text"/>; returns false when no known form matches.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text!.Trim();
        if (s.Length > 0 && char.IsDigit(s[0]) && IsAllDigits(s))
        {
            // Unix seconds (JWT claims such as "iat").
            if (s.Length <= 11 && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                value = DateTimeOffset.FromUnixTimeSeconds(seconds);
                return true;
            }

            return false;
        }

        s = TrimFraction(s);
        const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (s.IndexOf('/') > 0)
        {
            return DateTimeOffset.TryParseExact(s, UsFormats, CultureInfo.InvariantCulture, styles, out value);
        }

        if (DateTimeOffset.TryParseExact(s, IsoFormats, CultureInfo.InvariantCulture, styles, out value))
        {
            return true;
        }

        // RFC 1123 ("Fri, 21 Jul 2017 01:00:51 GMT") and other invariant forms.
        return DateTimeOffset.TryParseExact(s, "r", CultureInfo.InvariantCulture, styles, out value)
            || DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, styles, out value);
    }

    /// <summary>Parses <paramref name="text"/> or returns null.</summary>
    public static DateTimeOffset? Parse(string? text) => TryParse(text, out var value) ? value : null;

    private static bool IsAllDigits(string s)
    {
        foreach (var c in s)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }

    // .NET accepts at most 7 fraction digits; Python and Go write 9. Cut the extra digits (sub-tick precision).
    private static string TrimFraction(string s)
    {
        var dot = s.IndexOf('.');
        if (dot < 0)
        {
            return s;
        }

        var end = dot + 1;
        while (end < s.Length && s[end] >= '0' && s[end] <= '9')
        {
            end++;
        }

        var digits = end - dot - 1;
        return digits > 7 ? s.Substring(0, dot + 8) + s.Substring(end) : s;
    }
}
