// Many integration tests mostly wait (a worker past its time limit, a terminal redrawing, a start limit running out):
// with twice as many test classes under way as there are cores here, the waiting ones overlap with the busy ones.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
[assembly: TestCollectionOrderer("Codemod.IntegrationTests.Infrastructure.LongRunningFirst", "Codemod.IntegrationTests")]
