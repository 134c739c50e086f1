namespace Codemod.IntegrationTests.Infrastructure;

/// <summary>Locations in the source tree the tests read (fixtures), found by walking up from the test binary.</summary>
public static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Fixtures => Path.Combine(RepositoryRoot, "fixtures");

    public static string SampleMonorepo => Path.Combine(Fixtures, "sample-monorepo");

    public static string Goldens(string codemod) => Path.Combine(Fixtures, "codemods", codemod);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Codemod.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Codemod.sln not found above " + AppContext.BaseDirectory);
    }
}
