import Testing

@Suite struct HelpTests {
    @Test func helpNamesTheCommand() throws {
        let result = try KizunaBinary.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: kizuna"))
    }
}
