import ArgumentParser
import KizunaCLI

KizunaCommand.main()
