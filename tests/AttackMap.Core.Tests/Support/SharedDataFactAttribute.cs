namespace AttackMap.Tests.Support;

/// <summary>A fact that is skipped, with a clear reason, when <c>../shared/data</c> is missing.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    /// <summary>Initializes the attribute, setting <see cref="FactAttribute.Skip"/> when the data is missing.</summary>
    public SharedDataFactAttribute()
    {
        if (SharedData.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
