namespace AttackMap.Coverage;

/// <summary>Options for <see cref="CoverageCalculator"/>.</summary>
public sealed class CoverageOptions
{
    /// <summary>Gets or sets the ATT&amp;CK platforms in scope. A technique is in scope when it lists one of them.</summary>
    /// <value>
    /// The default is <c>IaaS</c>, <c>Identity Provider</c>, <c>SaaS</c>, <c>Office Suite</c>. Old names are accepted and
    /// translated: <c>Azure AD</c> to <c>Identity Provider</c>, <c>Office 365</c> and <c>Google Workspace</c> to
    /// <c>Office Suite</c>, <c>Azure</c>, <c>AWS</c> and <c>GCP</c> to <c>IaaS</c>.
    /// </value>
    public IReadOnlyList<string> Platforms { get; set; } = DefaultPlatforms;

    /// <summary>Gets or sets a value indicating whether sub-techniques get their own rows (their rules always count toward the parent).</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool IncludeSubTechniques { get; set; } = true;

    /// <summary>Gets the default platform scope for Azure: <c>IaaS</c>, <c>Identity Provider</c>, <c>SaaS</c>, <c>Office Suite</c>.</summary>
    public static IReadOnlyList<string> DefaultPlatforms { get; } = Array.AsReadOnly(new[] { "IaaS", "Identity Provider", "SaaS", "Office Suite" });
}
