using System.Collections.ObjectModel;

namespace AttackMap.Attack;

/// <summary>Platform scoping (which techniques can show up in Azure logs).</summary>
public sealed partial class AttackCatalog
{
    /// <summary>
    /// Gets the ATT&amp;CK platforms Azure and Microsoft cloud logs speak to: <c>IaaS</c>, <c>Identity Provider</c>,
    /// <c>SaaS</c>, <c>Office Suite</c> (older releases called the last two groups <c>Azure AD</c> and <c>Office 365</c>).
    /// </summary>
    public static IReadOnlyList<string> AzurePlatforms { get; } =
        new ReadOnlyCollection<string>(new[] { "IaaS", "Identity Provider", "SaaS", "Office Suite" });

    /// <summary>Gets the current techniques that apply to at least one of <paramref name="platforms"/>, ordered by id.</summary>
    /// <param name="platforms">The platforms, for example <see cref="AzurePlatforms"/>; older names count as their current ones.</param>
    /// <returns>The techniques and sub-techniques in scope.</returns>
    public IReadOnlyList<Technique> GetTechniquesForPlatforms(IEnumerable<string> platforms)
    {
        var wanted = AttackPlatforms.NormalizeSet(platforms ?? throw new ArgumentNullException(nameof(platforms)));
        return _techniques.Values
            .Where(t => t.IsCurrent && t.Platforms.Any(p => wanted.Contains(AttackPlatforms.Normalize(p))))
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .ToArray();
    }
}
