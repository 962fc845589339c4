using System.CommandLine;
using AttackMap.Cli.Commands;
using AttackMap.Ingestion;
using AttackMap.Mapping;

namespace AttackMap.Cli;

/// <summary>Builds the command tree and runs it; all the work is done by AttackMap.Core.</summary>
internal static class CliApplication
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Map Azure security logs to MITRE ATT&CK and report detection coverage.");
        root.Subcommands.Add(ClassifyCommand.Create(stdout, stderr));
        root.Subcommands.Add(CoverageCommand.Create(stdout, stderr));
        root.Subcommands.Add(CorrelateCommand.Create(stdout, stderr));
        root.Subcommands.Add(RulesCommand.Create(stdout, stderr));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"attackmap: {error.Message}");
            }

            stderr.WriteLine("Run 'attackmap --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliException ex)
        {
            stderr.WriteLine($"attackmap: {ex.Message}");
            return ex.ExitCode;
        }
        catch (RuleValidationException ex)
        {
            stderr.WriteLine($"attackmap: the rules are not valid:{Environment.NewLine}{ex.Message}");
            return ExitCodes.Failure;
        }
        catch (Correlation.CorrelationRuleException ex)
        {
            stderr.WriteLine($"attackmap: the correlation rules are not valid:{Environment.NewLine}{ex.Message}");
            return ExitCodes.Failure;
        }
        catch (LogFormatException ex)
        {
            stderr.WriteLine($"attackmap: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or RulePackFormatException or FormatException or ArgumentException)
        {
            stderr.WriteLine($"attackmap: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            // Anything else is a bug: say so in one line instead of an unhandled-exception dump.
            stderr.WriteLine($"attackmap: unexpected {ex.GetType().Name}: {ex.Message} (please report this with the input that caused it)");
            return ExitCodes.Failure;
        }
    }
}
