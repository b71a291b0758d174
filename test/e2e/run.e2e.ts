// Issue #6 end to end in a real VS Code (code-server + Chromium): open the friends example, run it
// with Society: Run Simulation, and watch the society view draw the network of its 16 personas;
// the run's trace lands under runs/. A screenshot of the workbench is saved.
import { expectFriendsRunFinished } from './friendsRun';
import { useWorkbench } from './session';

describe('running a society in VS Code (code-server + Chromium)', function () {
  const s = useWorkbench('run-simulation');

  it('runs the friends example and shows its 16 personas in the society view', async () => {
    await s.wb.open('friends.society');
    await s.wb.command('Society: Run Simulation');
    await expectFriendsRunFinished(s.wb, s.server.workspace);
    await s.wb.page.waitForTimeout(1500); // let the layout settle for the picture
    await s.wb.screenshot('run-simulation-view');
  });
});
