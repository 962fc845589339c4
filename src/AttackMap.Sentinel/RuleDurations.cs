using System.Globalization;
using System.Xml;

namespace AttackMap.Sentinel;

/// <summary>Parses rule durations: the YAML shorthand (<c>5m</c>, <c>1h</c>, <c>14d</c>) and ISO 8601 (<c>PT1H</c>, <c>P1D</c>) of ARM exports.</summary>
internal static class RuleDurations
{
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text!.Trim();
        if (value.StartsWith("P", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return XmlConvert.ToTimeSpan(value.ToUpperInvariant());
            }
            catch (FormatException)
            {
                return null;
            }
        }

        var unit = char.ToLowerInvariant(value[value.Length - 1]);
        if (!double.TryParse(value.Substring(0, value.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        return unit switch
        {
            'd' => TimeSpan.FromDays(amount),
            'h' => TimeSpan.FromHours(amount),
            'm' => TimeSpan.FromMinutes(amount),
            's' => TimeSpan.FromSeconds(amount),
            _ => null,
        };
    }
}
