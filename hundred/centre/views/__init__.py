"""The career centre's pages: the job seeker's consent (`coaching`) and the coach's (`coach`)."""
