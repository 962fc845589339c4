namespace AttackMap.Export;

/// <summary>Options for <see cref="NavigatorLayerExporter"/>.</summary>
public sealed class NavigatorLayerOptions
{
    /// <summary>Gets or sets the layer name (the Navigator tab title).</summary>
    /// <value>The default is <c>AttackMap coverage</c>.</value>
    public string Name { get; set; } = "AttackMap coverage";

    /// <summary>Gets or sets the layer description; <see langword="null"/> writes a generated summary of the report.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Description { get; set; }

    /// <summary>Gets or sets the Navigator version written to <c>versions.navigator</c> (informational; at least 4.9.0 for layer format 4.5).</summary>
    /// <value>The default is <c>5.2.0</c>, the newest Navigator release known to write layer format 4.5.</value>
    public string NavigatorVersion { get; set; } = "5.2.0";

    /// <summary>Gets or sets a value indicating whether each technique gets its status colour (otherwise the score drives the gradient).</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool UseStatusColors { get; set; } = true;
}
