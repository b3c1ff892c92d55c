"""The command line: parses arguments and hands over to the check run, the data commands, the baseline
and the review app. Takes in argv; gives out exit codes. May import every other stage; nothing imports it
(except `factcheck.__main__`). Heavy modules are imported inside the commands so start-up stays fast.
"""
