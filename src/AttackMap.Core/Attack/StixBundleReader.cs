using System.Globalization;
using System.Text.Json;

namespace AttackMap.Attack;

/// <summary>Turns a parsed ATT&amp;CK Enterprise STIX 2.x bundle into an <see cref="AttackCatalog"/>.</summary>
internal static class StixBundleReader
{
    private const string Expected =
        "Expected an ATT&CK Enterprise STIX bundle: a JSON object with \"type\": \"bundle\" and an \"objects\" array holding x-mitre-tactic and attack-pattern objects";

    /// <summary>Reads the bundle in <paramref name="document"/>.</summary>
    /// <param name="document">The parsed JSON.</param>
    /// <param name="versionHint">The version to use when the bundle has no x-mitre-collection object.</param>
    /// <param name="sourceName">What the bundle was read from, for the provenance text.</param>
    public static AttackCatalog Read(JsonDocument document, string? versionHint, string sourceName)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "bundle"
            || !root.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException(Expected + $" ({sourceName} is not one).");
        }

        var data = new StixBundleData();
        foreach (var obj in objects.EnumerateArray())
        {
            if (obj.ValueKind == JsonValueKind.Object)
            {
                data.Add(obj);
            }
        }

        if (data.Tactics.Count == 0 || data.Patterns.Count == 0)
        {
            throw new InvalidDataException(Expected + $"; {sourceName} has {data.Tactics.Count} tactics and {data.Patterns.Count} attack-patterns.");
        }

        if (data.Domain is not null && data.Domain != AttackCatalog.EnterpriseDomain)
        {
            throw new InvalidDataException($"Expected an Enterprise ATT&CK bundle; {sourceName} holds the '{data.Domain}' matrix.");
        }

        var version = data.CollectionVersion ?? versionHint
            ?? throw new InvalidDataException(
                $"{sourceName} does not state its ATT&CK version (it has no x-mitre-collection object). Pass the version explicitly, or name the file enterprise-attack-<version>.json.");

        var tactics = data.BuildTactics();
        var order = tactics.ToDictionary(t => t.ShortName, t => t.Order, StringComparer.Ordinal);
        var logSources = data.Detection.Build(version);
        var attackIds = data.Patterns.ToDictionary(p => p.StixId, p => p.AttackId, StringComparer.Ordinal);
        // Revoked and deprecated objects first, so a current object wins should two objects share an ATT&CK id.
        var techniques = data.Patterns.OrderBy(p => !p.Revoked && !p.Deprecated).Select(p => new Technique
        {
            Id = p.AttackId,
            Name = p.Name,
            Tactics = p.Phases
                .Select((phase, index) => (phase, index))
                .OrderBy(x => order.TryGetValue(x.phase, out var o) ? o : int.MaxValue)
                .ThenBy(x => x.index)
                .Select(x => x.phase)
                .ToArray(),
            Platforms = p.Platforms,
            IsRevoked = p.Revoked,
            IsDeprecated = p.Deprecated,
            RevokedBy = data.RevokedBy.TryGetValue(p.StixId, out var target) && attackIds.TryGetValue(target, out var targetId) ? targetId : null,
            StixId = p.StixId,
            Version = p.Version,
            Modified = p.Modified,
            AzureLogSources = logSources.TryGetValue(p.StixId, out var references) ? references : Array.Empty<AttackLogSourceReference>(),
        });

        var provenance = string.Format(
            CultureInfo.InvariantCulture,
            "MITRE ATT&CK Enterprise v{0}, read from the STIX bundle {1} ({2}). {3}",
            version,
            data.BundleId(root),
            sourceName,
            data.Copyright ?? "© The MITRE Corporation.");
        return new AttackCatalog(version, tactics, techniques, provenance.Trim()) { IsDerived = false };
    }
}
