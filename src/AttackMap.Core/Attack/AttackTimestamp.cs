using System.Globalization;

namespace AttackMap.Attack;

/// <summary>
/// Parses STIX timestamps (<c>2025-10-24T17:49:13.380Z</c>). The fixed UTC shape is read digit by digit, which avoids
/// the culture machinery of <see cref="DateTimeOffset.Parse(string, IFormatProvider)"/> on the catalog's cold path.
/// </summary>
internal static class AttackTimestamp
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text!.Length is 20 or 24 && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':' && text[16] == ':'
            && text[text.Length - 1] == 'Z' && (text.Length == 20 || text[19] == '.'))
        {
            var ok = true;
            var year = Digits(text, 0, 4, ref ok);
            var month = Digits(text, 5, 2, ref ok);
            var day = Digits(text, 8, 2, ref ok);
            var hour = Digits(text, 11, 2, ref ok);
            var minute = Digits(text, 14, 2, ref ok);
            var second = Digits(text, 17, 2, ref ok);
            var millisecond = text.Length == 24 ? Digits(text, 20, 3, ref ok) : 0;
            if (ok && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour < 24 && minute < 60 && second < 60)
            {
                return new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
    }

    private static int Digits(string text, int start, int count, ref bool ok)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (c < '0' || c > '9')
            {
                ok = false;
                return 1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
