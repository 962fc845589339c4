namespace AttackMap.Cli.Commands;

/// <summary>One <c>--rules</c> (or <c>--sentinel-rules</c>) path that holds Microsoft Sentinel analytics rules.</summary>
/// <param name="Option">The option that named it, for messages.</param>
/// <param name="Path">The path as given, without trailing separators.</param>
/// <param name="IsFolder">Whether the path is a folder (its files are imported relative to it).</param>
/// <param name="Files">The Sentinel rule files to import from it: those no earlier path already brought, in ordinal order.</param>
/// <param name="SentinelFiles">Every Sentinel rule file in it, earlier ones included.</param>
/// <param name="HasPacks">Whether the folder held an AttackMap rule pack (loaded as a pack).</param>
internal sealed record SentinelRuleInput(string Option, string Path, bool IsFolder, IReadOnlyList<string> Files, IReadOnlyList<string> SentinelFiles, bool HasPacks);
