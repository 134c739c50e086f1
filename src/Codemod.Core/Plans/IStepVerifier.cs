namespace Codemod.Core.Plans;

/// <summary>
/// The seam to a plan's verification command (a test suite, a type checker): runs it in a folder and reports its exit
/// code and output. Implemented where processes may start; the batch engine only reads the result.
/// </summary>
public interface IStepVerifier
{
    Task<VerifyResult> VerifyAsync(string command, string directory, CancellationToken cancellationToken);
}
