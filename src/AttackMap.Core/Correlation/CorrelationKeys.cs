using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>Reads group-by keys and distinct values from signals, normalized to trimmed lower case.</summary>
internal static class CorrelationKeys
{
    /// <summary>Returns the key of <paramref name="signal"/> for <paramref name="key"/>, or null when the signal has none.</summary>
    public static string? Get(Signal signal, CorrelationKey key) => key switch
    {
        CorrelationKey.Principal => signal.Principal is { IsEmpty: false } principal ? principal.Key : null,
        CorrelationKey.Resource => Normalize(signal.ResourceId),
        CorrelationKey.ResourceRoot => RootOf(Normalize(signal.ResourceId)),
        CorrelationKey.IpAddress => Normalize(signal.IpAddress),
        CorrelationKey.AutonomousSystem => signal is EntraSignIn signIn ? Normalize(signIn.AutonomousSystemNumber) : null,
        CorrelationKey.Tenant => Normalize(signal.TenantId),
        CorrelationKey.CorrelationId => Normalize(signal.CorrelationId),
        _ => null,
    };

    /// <summary>
    /// Returns the value of a named field: the envelope names <c>principal</c>, <c>resourceId</c>, <c>ipAddress</c>,
    /// <c>tenantId</c>, <c>correlationId</c> and <c>autonomousSystemNumber</c>, else <see cref="Signal.GetFieldValue"/>.
    /// </summary>
    public static string? GetField(Signal signal, string field)
    {
        if (field.Equals("principal", StringComparison.OrdinalIgnoreCase))
        {
            return Get(signal, CorrelationKey.Principal);
        }

        if (field.Equals("resourceId", StringComparison.OrdinalIgnoreCase))
        {
            return Get(signal, CorrelationKey.Resource);
        }

        if (field.Equals("ipAddress", StringComparison.OrdinalIgnoreCase))
        {
            return Get(signal, CorrelationKey.IpAddress);
        }

        if (field.Equals("tenantId", StringComparison.OrdinalIgnoreCase))
        {
            return Get(signal, CorrelationKey.Tenant);
        }

        if (field.Equals("correlationId", StringComparison.OrdinalIgnoreCase))
        {
            return Get(signal, CorrelationKey.CorrelationId);
        }

        if (field.Equals("autonomousSystemNumber", StringComparison.OrdinalIgnoreCase))
        {
            return Get(signal, CorrelationKey.AutonomousSystem);
        }

        return Normalize(signal.GetFieldValue(field));
    }

    /// <summary>Cuts an ARM id after the first <c>/providers/{namespace}/{type}/{name}</c>.</summary>
    public static string? RootOf(string? resourceId)
    {
        if (resourceId is null)
        {
            return null;
        }

        var providers = resourceId.IndexOf("/providers/", StringComparison.Ordinal);
        if (providers < 0)
        {
            return resourceId.TrimEnd('/');
        }

        // Skip namespace, type and name: three more segments after "/providers/".
        var position = providers + "/providers/".Length;
        for (var segment = 0; segment < 3; segment++)
        {
            var slash = resourceId.IndexOf('/', position);
            if (slash < 0)
            {
                return resourceId.TrimEnd('/');
            }

            position = slash + 1;
        }

        return resourceId.Substring(0, position - 1);
    }

    private static string? Normalize(string? value)
    {
        if (value is null || value.Length == 0)
        {
            return null;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsUpper(c) || char.IsWhiteSpace(c))
            {
                var trimmed = value.Trim();
                return trimmed.Length == 0 ? null : trimmed.ToLowerInvariant();
            }
        }

        return value;
    }
}
