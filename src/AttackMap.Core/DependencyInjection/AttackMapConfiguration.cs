using AttackMap;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The configure actions collected by <see cref="AttackMapServiceCollectionExtensions.AddAttackMap"/>, replayed once to build the engine.</summary>
internal sealed class AttackMapConfiguration
{
    private readonly List<Action<AttackMapBuilder>> _actions = new();

    public void Add(Action<AttackMapBuilder> action) => _actions.Add(action);

    public AttackMapEngine Build()
    {
        var builder = new AttackMapBuilder();
        foreach (var action in _actions)
        {
            action(builder);
        }

        return builder.Build();
    }
}
