namespace AttackMap.Correlation;

/// <summary>The state of one rule for one key: a buffer per step, the open episode, and its place in the rule's LRU list.</summary>
internal sealed class KeyState
{
    public KeyState(CompiledRule rule, string key)
    {
        Rule = rule;
        Key = key;
        var steps = rule.Rule.Steps;
        Buffers = new StepBuffer[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            Buffers[i] = new StepBuffer(steps[i].MinDistinct > 0);
        }

        Node = new LinkedListNode<KeyState>(this);
    }

    public CompiledRule Rule { get; }

    public string Key { get; }

    public StepBuffer[] Buffers { get; }

    public Episode? Episode { get; set; }

    public long LastTicks { get; set; }

    public LinkedListNode<KeyState> Node { get; }
}
