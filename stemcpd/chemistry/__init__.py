"""Chemistry simulations, shaped like the physics ones (model / view / app per folder).

None ships yet; see ARCHITECTURE.md for where a new one goes.
"""
