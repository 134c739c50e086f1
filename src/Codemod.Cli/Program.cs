using Codemod.Cli;

var context = CliContext.FromConsole();
return await CliApp.RunAsync(args, context);
