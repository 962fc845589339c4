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

        return TryParseIso(s.AsSpan(), out value) || TryParseFormats(s, out value);
    }

    /// <summary>The format-based reading of trimmed text that is not Unix seconds (every spelling; slower than <see cref="TryParseIso"/>).</summary>
    internal static bool TryParseFormats(string s, out DateTimeOffset value)
    {
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

    /// <summary>
    /// The common shape, read without format matching: <c>yyyy-MM-ddTHH:mm:ss</c>, optional fraction (digits past the
    /// seventh are cut, as <see cref="TrimFraction"/> does), then <c>Z</c>, <c>+hh:mm</c>, <c>-hh:mm</c> or nothing (UTC).
    /// Returns false for anything else, which the format-based path then reads; results are identical to that path.
    /// </summary>
    internal static bool TryParseIso(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        // Also the contract of SignInLineParser, which reads UTF-8 time stamps with this method: an accepted text has no
        // surrounding white space and is not all digits, so TryParse would reach this same reading.
        value = default;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
            || !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second)
            || year < 2 || year > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var i = 19;
        long fraction = 0;
        if (i < s.Length && s[i] == '.')
        {
            var digits = 0;
            for (i++; i < s.Length && s[i] >= '0' && s[i] <= '9'; i++, digits++)
            {
                if (digits < 7)
                {
                    fraction = (fraction * 10) + (s[i] - '0');
                }
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        var offset = TimeSpan.Zero;
        if (i < s.Length)
        {
            if (s[i] == 'Z' && i + 1 == s.Length)
            {
                i++;
            }
            else if ((s[i] == '+' || s[i] == '-') && i + 6 == s.Length && s[i + 3] == ':'
                && Digits(s, i + 1, 2, out var offsetHours) && Digits(s, i + 4, 2, out var offsetMinutes) && offsetHours <= 14 && offsetMinutes <= 59)
            {
                offset = new TimeSpan(offsetHours, offsetMinutes, 0);
                offset = s[i] == '-' ? offset.Negate() : offset;
                i += 6;
            }
            else
            {
                return false;
            }
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fraction);
        value = new DateTimeOffset(local.Subtract(offset).Ticks, TimeSpan.Zero);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int number)
    {
        number = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (c < '0' || c > '9')
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        return true;
    }

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
