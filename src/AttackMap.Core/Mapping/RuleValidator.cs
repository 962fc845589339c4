using AttackMap.Attack;

namespace AttackMap.Mapping;

/// <summary>Checks every rule against a catalog and compiles the valid ones; collects all problems instead of stopping at the first.</summary>
internal static class RuleValidator
{
    private static readonly IReadOnlyList<string> NoTactics = Array.Empty<string>();

    public static List<RuleProblem> Validate(IReadOnlyList<MappingRule> rules, AttackCatalog catalog, out List<CompiledRule> compiled)
    {
        var problems = new List<RuleProblem>();
        compiled = new List<CompiledRule>(rules.Count);
        var seen = new Dictionary<string, MappingRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            var before = problems.Count;
            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                Add(problems, RuleProblemCode.MissingRuleId, rule, "The rule has no id.");
            }
            else if (seen.TryGetValue(rule.Id, out var first))
            {
                Add(problems, RuleProblemCode.DuplicateRuleId, rule, $"The id '{rule.Id}' is already used by the rule at {first.Location ?? "(code)"}.");
            }
            else
            {
                seen.Add(rule.Id, rule);
            }

            if (string.IsNullOrWhiteSpace(rule.Rationale))
            {
                Add(problems, RuleProblemCode.MissingRationale, rule, "The rationale is empty; say why the signal supports the technique.");
            }

            var fieldIndex = RuleFields.IndexOf(rule.Family, rule.MatchField);
            if (fieldIndex < 0)
            {
                Add(problems, RuleProblemCode.UnknownMatchField, rule,
                    $"The match field '{rule.MatchField}' is not dispatched for {rule.Family}; use one of: {string.Join(", ", RuleFields.GetFields(rule.Family))}.");
            }

            CheckKind(problems, rule);
            CheckConditions(problems, rule);
            var tactics = ResolveTactics(problems, rule, catalog);
            var techniques = ResolveTechniques(problems, rule, catalog, tactics);
            if (problems.Count == before)
            {
                var keys = rule.Keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(RuleFields.NormalizeKey)
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
                var evidenceTactics = techniques.Select(t => EvidenceTactics(t, tactics)).ToArray();
                compiled.Add(new CompiledRule(rule, fieldIndex, techniques.ToArray(), evidenceTactics, keys));
            }
        }

        problems.AddRange(RuleConflictFinder.Find(compiled));
        return problems;
    }

    private static void CheckKind(List<RuleProblem> problems, MappingRule rule)
    {
        var expected = EvidencePolicy.GetDefaultKind(rule);
        if (rule.Kind != expected && string.IsNullOrWhiteSpace(rule.KindReason))
        {
            Add(problems, RuleProblemCode.MissingKindReason, rule,
                $"The kind {rule.Kind} differs from the default {expected} for this source; give a kindReason.");
        }
    }

    private static void CheckConditions(List<RuleProblem> problems, MappingRule rule)
    {
        for (var i = 0; i < rule.Conditions.Count; i++)
        {
            var condition = rule.Conditions[i];
            if (!ConditionFields.IsKnown(rule.Family, condition.Field))
            {
                Add(problems, RuleProblemCode.UnknownConditionField, rule,
                    $"Condition {i} uses the field '{condition.Field}', which {rule.Family} signals do not have, so the rule can never match; use one of: {string.Join(", ", ConditionFields.GetNames(rule.Family).Concat(ConditionFields.GetPrefixes(rule.Family).Select(p => p + "<path>")))}.");
            }

            var needsValues = condition.Operator is not (ConditionOperator.Exists or ConditionOperator.NotExists);
            if (needsValues && !condition.Values.Any(v => !string.IsNullOrEmpty(v)))
            {
                Add(problems, RuleProblemCode.MissingConditionValues, rule,
                    $"Condition {i} ({condition.Field} {condition.Operator}) needs at least one value.");
            }
        }
    }

    /// <summary>
    /// For a tactic another embedded release knows: what its id is called here (<c>defense-evasion</c> is TA0005, named
    /// <c>stealth</c> in v19), so the message says what to write instead.
    /// </summary>
    private static string TacticHint(string name, AttackCatalog catalog)
    {
        foreach (var version in AttackCatalog.EmbeddedVersions.Where(v => !string.Equals(v, catalog.Version, StringComparison.OrdinalIgnoreCase)))
        {
            if (AttackCatalog.LoadEmbedded(version).TryGetTactic(name, out var old) && catalog.TryGetTactic(old.Id, out var current))
            {
                return $" It is {old.Id} ({old.Name}) in v{version}, named '{current.ShortName}' ({current.Name}) here; check that the techniques still belong to it.";
            }
        }

        return string.Empty;
    }

    private static HashSet<string>? ResolveTactics(List<RuleProblem> problems, MappingRule rule, AttackCatalog catalog)
    {
        if (rule.Tactics.Count == 0)
        {
            return null;
        }

        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in rule.Tactics)
        {
            if (catalog.TryGetTactic(name, out var tactic))
            {
                set.Add(tactic.ShortName);
            }
            else
            {
                Add(problems, RuleProblemCode.UnknownTactic, rule, $"The tactic '{name}' is not in ATT&CK v{catalog.Version}.{TacticHint(name, catalog)}");
            }
        }

        return set;
    }

    private static List<Technique> ResolveTechniques(List<RuleProblem> problems, MappingRule rule, AttackCatalog catalog, HashSet<string>? tactics)
    {
        var resolved = new List<Technique>(rule.Techniques.Count);
        if (rule.Techniques.Count == 0)
        {
            Add(problems, RuleProblemCode.MissingTechniques, rule, "The rule maps to no technique.");
        }

        foreach (var id in rule.Techniques)
        {
            if (!catalog.TryGetTechnique(id, out var technique))
            {
                Add(problems, RuleProblemCode.UnknownTechnique, rule, $"The technique '{id}' is not in ATT&CK v{catalog.Version}.");
            }
            else if (technique.IsRevoked)
            {
                var current = catalog.ResolveCurrent(technique.Id);
                var hint = catalog.SplitOf(technique.Id) is { } split
                    ? $"it was split into {string.Join(", ", split.SplitInto)}: map the one the rule detects"
                    : current is null
                        ? "its replacement is not current either; map it by hand"
                        : $"use {current.Id} ({current.Name}) instead";
                Add(problems, RuleProblemCode.RevokedTechnique, rule, $"The technique {technique.Id} ({technique.Name}) is revoked in ATT&CK v{catalog.Version}; {hint}.");
            }
            else if (technique.IsDeprecated)
            {
                Add(problems, RuleProblemCode.DeprecatedTechnique, rule,
                    $"The technique {technique.Id} ({technique.Name}) is deprecated in ATT&CK v{catalog.Version}: MITRE withdrew it with no replacement; remove it or choose another technique by hand.");
            }
            else if (tactics is not null && tactics.Count > 0 && !technique.Tactics.Any(tactics.Contains))
            {
                Add(problems, RuleProblemCode.TechniqueNotInTactic, rule,
                    $"The technique {technique.Id} belongs to {string.Join(", ", technique.Tactics)}, none of the stated tactics ({string.Join(", ", rule.Tactics)}).");
            }
            else
            {
                resolved.Add(technique);
            }
        }

        return resolved;
    }

    // Every piece of evidence from a rule shares these lists, so they are read-only wrappers, not arrays a caller could cast and change.
    private static IReadOnlyList<string> EvidenceTactics(Technique technique, HashSet<string>? tactics)
    {
        if (tactics is null)
        {
            return technique.Tactics.Count == 0 ? NoTactics : Array.AsReadOnly(technique.Tactics.ToArray());
        }

        return Array.AsReadOnly(technique.Tactics.Where(tactics.Contains).ToArray());
    }

    private static void Add(List<RuleProblem> problems, RuleProblemCode code, MappingRule rule, string message) =>
        problems.Add(new RuleProblem(code, string.IsNullOrWhiteSpace(rule.Id) ? null : rule.Id, rule.Location ?? "(added in code)", message));
}
