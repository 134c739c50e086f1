using System.Reflection;
using Xunit.Abstractions;

namespace Codemod.IntegrationTests.Infrastructure;

/// <summary>
/// A test class that takes tens of seconds, most of them waiting (a time limit running out, a terminal redrawing) or
/// in one long scenario. <see cref="LongRunningFirst"/> starts such classes first, so that the short ones fill the
/// cores around them instead of one long class running alone at the end of the run.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunningAttribute : Attribute;

/// <summary>Orders the test classes (one collection each) long-running first, then by name.</summary>
public sealed class LongRunningFirst : ITestCollectionOrderer
{
    private const string Prefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderByDescending(IsLongRunning).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static bool IsLongRunning(ITestCollection collection) =>
        collection.DisplayName.StartsWith(Prefix, StringComparison.Ordinal)
        && typeof(LongRunningFirst).Assembly.GetType(collection.DisplayName[Prefix.Length..]) is { } type
        && type.GetCustomAttribute<LongRunningAttribute>() is not null;
}
