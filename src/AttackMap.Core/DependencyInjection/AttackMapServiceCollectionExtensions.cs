using AttackMap;
using AttackMap.Attack;
using AttackMap.Correlation;
using AttackMap.Ingestion;
using AttackMap.Mapping;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers AttackMap in a service collection.</summary>
public static class AttackMapServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="AttackMapEngine"/> (and its <see cref="AttackCatalog"/>, <see cref="RuleRegistry"/>,
    /// <see cref="LogReader"/> and <see cref="CorrelationEngine"/>). The engine is built lazily on first use from every <paramref name="configure"/>
    /// action registered so far, in order. Calling this more than once adds configuration; it never registers twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the builder (catalog, rule packs, reader and coverage options); optional.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddAttackMap(this IServiceCollection services, Action<AttackMapBuilder>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var configuration = FindConfiguration(services);
        if (configuration is null)
        {
            configuration = new AttackMapConfiguration();
            services.AddSingleton(configuration);
            services.TryAddSingleton(provider => provider.GetRequiredService<AttackMapConfiguration>().Build());
            services.TryAddSingleton(provider => provider.GetRequiredService<AttackMapEngine>().Catalog);
            services.TryAddSingleton(provider => provider.GetRequiredService<AttackMapEngine>().Rules);
            services.TryAddSingleton(provider => provider.GetRequiredService<AttackMapEngine>().Reader);
            services.TryAddSingleton(provider => provider.GetRequiredService<AttackMapEngine>().Correlator);
        }

        if (configure is not null)
        {
            configuration.Add(configure);
        }

        return services;
    }

    private static AttackMapConfiguration? FindConfiguration(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(AttackMapConfiguration) && descriptor.ImplementationInstance is AttackMapConfiguration existing)
            {
                return existing;
            }
        }

        return null;
    }
}
