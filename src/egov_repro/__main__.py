from egov_repro.cli import main

raise SystemExit(main())
